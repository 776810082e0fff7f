package be.werkregie.messaging;

import be.werkregie.guidance.AssessmentCompleted;
import be.werkregie.guidance.AssignmentCompleted;
import be.werkregie.guidance.TrajectoryStarted;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messaging reacts to guidance's events (guidance does not call messaging): the invitation to choose a partner after
 * an assessment, the confirmation of a chosen partner, and after an assignment run a message to every placed client and
 * one e-mail per partner. Each listener runs after the commit, from the event publication registry (a failed delivery is
 * retried), and each message has an idempotency key, so a replayed event sends nothing twice.
 */
@Component
class GuidanceNotifications {

    private final Messenger messenger;
    private final OrganisationMail organisationMail;
    private final JdbcClient jdbc;
    private final boolean notifyAssignments;

    private final org.springframework.context.MessageSource messages;

    GuidanceNotifications(Messenger messenger, OrganisationMail organisationMail, JdbcClient jdbc,
                          @Value("${werkregie.guidance.notify-assignments:true}") boolean notifyAssignments,
                          org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.messenger = messenger;
        this.organisationMail = organisationMail;
        this.jdbc = jdbc;
        this.notifyAssignments = notifyAssignments;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        messenger.send(event.personId(), "guidanceChoice", new Object[] {event.offerName(), event.chooseBy()},
                "guidance-choice:" + event.assessmentId());
    }

    @ApplicationModuleListener
    void on(TrajectoryStarted event) {
        messenger.send(event.personId(), "guidanceStart", new Object[] {event.partnerName(), event.siteLabel()},
                "guidance-start:" + event.trajectoryId());
    }

    @ApplicationModuleListener
    void on(be.werkregie.guidance.PartnerChoiceChanged event) {
        messenger.send(event.personId(), "guidanceChanged", new Object[] {event.partnerName(), event.siteLabel()},
                "guidance-change:" + event.changeId());
    }

    /** Reads the run's placements from guidance's published view {@code guidance_v_assignment}. */
    @ApplicationModuleListener
    void on(AssignmentCompleted event) {
        if (!notifyAssignments) {
            return;
        }
        jdbc.sql("select referral_id, person_id, partner_name, site_name, distance_km from guidance_v_assignment where run_id = ?")
                .param(event.runId())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5)})
                .list()
                .forEach(r -> messenger.send((UUID) r[1], "guidanceAssigned", new Object[] {r[2], r[3], r[4]},
                        "guidance-assigned:" + r[0]));
        // every partner hears once per run how many clients it received
        jdbc.sql("select partner_id, count(*) from guidance_v_assignment where run_id = ? group by partner_id")
                .param(event.runId())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)})
                .list()
                .forEach(p -> organisationMail.send((UUID) p[0], bilingual("orgMail.assigned.subject", " / ", p[1]),
                        bilingual("orgMail.assigned.body", "\n\n", p[1]),
                        "guidance-assigned-partner:" + event.runId() + ":" + p[0]));
    }

    /** A mail to an organisation in Dutch and French (the partners of a Flemish service work in either), from the bundles. */
    private String bilingual(String key, String separator, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.forLanguageTag("nl")) + separator
                + messages.getMessage(key, args, java.util.Locale.forLanguageTag("fr"));
    }
}
