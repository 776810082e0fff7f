package be.werkregie.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.identity.SignInLockChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The audit trail reacts to identity's events: a sign-in lock and its lifting are written to the trail. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_audit", "werkregie.demo.enabled=false"})
class AuditModuleTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aSignInLockIsAudited(Scenario scenario) {
        scenario.publish(new SignInLockChanged("module-user", true, "locked after 5 failures", null))
                .andWaitForStateChange(() -> jdbc.sql("select count(*) from audit_event where detail like 'module-user:%'")
                        .query(Long.class).single(), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1L));
    }
}
