package be.werkregie.guidance;

import be.werkregie.messaging.Messenger;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every assigned client, in their own channel, which partner site will guide them and why (the distance), after
 * the run committed. Each message has an idempotency key, so a replayed event sends nothing twice.
 */
@Component
class AssignmentNotifications {

    private final JdbcClient jdbc;
    private final Messenger messenger;
    private final boolean enabled;

    AssignmentNotifications(JdbcClient jdbc, Messenger messenger, @Value("${werkregie.guidance.notify-assignments:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.messenger = messenger;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(AssignmentCompleted event) {
        if (!enabled) {
            return;
        }
        jdbc.sql("""
                select r.id, r.person_id, o.name, s.name, r.distance_km from gd_referral r join gd_site s on s.id = r.site_id
                join organisation o on o.id = s.partner_id where r.assignment_run = ? and r.status = 'ASSIGNED'""")
                .param(event.runId())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5)})
                .list()
                .forEach(r -> messenger.send((UUID) r[1], "guidanceAssigned", new Object[] {r[2], r[3], r[4]},
                        "guidance-assigned:" + r[0]));
    }
}
