package be.werkregie.guidance;

import be.werkregie.messaging.Messenger;
import be.werkregie.messaging.OrganisationMail;
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
    private final OrganisationMail organisationMail;
    private final boolean enabled;

    AssignmentNotifications(JdbcClient jdbc, Messenger messenger, OrganisationMail organisationMail,
                            @Value("${werkregie.guidance.notify-assignments:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.messenger = messenger;
        this.organisationMail = organisationMail;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(AssignmentCompleted event) {
        if (!enabled) {
            return;
        }
        jdbc.sql("""
                select r.id, r.person_id, o.name, s.name, r.distance_km from gd_referral r join gd_site s on s.id = r.site_id
                join identity_v_organisation o on o.id = s.partner_id where r.assignment_run = ? and r.status = 'ASSIGNED'""")
                .param(event.runId())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5)})
                .list()
                .forEach(r -> messenger.send((UUID) r[1], "guidanceAssigned", new Object[] {r[2], r[3], r[4]},
                        "guidance-assigned:" + r[0]));
        // every partner hears once per run how many clients it received
        jdbc.sql("""
                select s.partner_id, count(*) from gd_referral r join gd_site s on s.id = r.site_id
                where r.assignment_run = ? and r.status = 'ASSIGNED' group by s.partner_id""")
                .param(event.runId())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)})
                .list()
                .forEach(p -> organisationMail.send((UUID) p[0], "Nieuwe klanten toegewezen / Nouveaux clients attribués",
                        "Goeiedag,\n\nDe VDAB wees u " + p[1] + " nieuwe klanten toe. U vindt ze onder Trajecten op werkregie.be."
                                + "\n\nBonjour,\n\nLe VDAB vous a attribué " + p[1]
                                + " nouveaux clients. Vous les trouverez sous Trajets sur werkregie.be.",
                        "guidance-assigned-partner:" + event.runId() + ":" + p[0]));
    }
}
