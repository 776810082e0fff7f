package be.werkregie.messaging;

import be.werkregie.dossier.HandoverCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person, in their channel, who takes over and how to reach them; and tells the sending organisation when the
 * receiver has acknowledged the handover (the warm handover is complete on both sides).
 */
@Component
class HandoverNotifications {

    private final Messenger messenger;
    private final OrganisationMail mail;

    HandoverNotifications(Messenger messenger, OrganisationMail mail) {
        this.messenger = messenger;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(be.werkregie.dossier.HandoverAcknowledged event) {
        if (event.fromOrganisationId() == null) {
            return;
        }
        mail.send(event.fromOrganisationId(), "Overdracht bevestigd / Transfert confirmé",
                event.toOrganisation() + " (" + event.acknowledgedBy() + ") heeft uw warme overdracht bevestigd en neemt het over.\n\n"
                        + event.toOrganisation() + " (" + event.acknowledgedBy() + ") a confirmé votre transfert et prend le relais.",
                "handover-acknowledged:" + event.handoverId());
    }

    @ApplicationModuleListener
    void on(HandoverCreated event) {
        messenger.send(event.personId(), "handover",
                new Object[] {event.fromOrganisation(), event.toOrganisation(), event.contactName(), event.contactDetails()},
                "handover:" + event.handoverId());
    }
}
