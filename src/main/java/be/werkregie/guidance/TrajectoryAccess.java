package be.werkregie.guidance;

import be.werkregie.people.PersonAccess;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A partner may see the people the employment service assigned to it, while their trajectory is active. */
@Component
class TrajectoryAccess implements PersonAccess {

    private final JdbcClient jdbc;

    TrajectoryAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean grants(UUID organisationId, UUID personId) {
        return jdbc.sql("select count(*) from gd_trajectory where partner_id = ? and person_id = ? and status = 'ACTIVE'")
                .params(organisationId, personId).query(Long.class).single() > 0;
    }
}
