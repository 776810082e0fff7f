package be.werkregie.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Identity on its own: the fifth failed sign-in of an account locks it and announces {@link SignInLockChanged}. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_identity", "werkregie.demo.enabled=false"})
class IdentityModuleTest {

    @Autowired LoginThrottle throttle;

    @Test
    void repeatedFailuresLockTheAccountAndSaySo(Scenario scenario) {
        String account = "module-" + UUID.randomUUID().toString().substring(0, 8);
        scenario.stimulate(() -> {
                    for (int i = 0; i < 5; i++) {
                        throttle.failed(account, "192.0.2." + (10 + i));
                    }
                })
                .andWaitForEventOfType(SignInLockChanged.class)
                .matching(e -> e.subject().contains(account))
                .toArriveAndVerify(e -> assertThat(e.locked()).isTrue());
    }
}
