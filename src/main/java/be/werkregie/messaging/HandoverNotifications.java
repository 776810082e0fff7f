package be.werkregie.messaging;

import be.werkregie.dossier.HandoverCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the person, in their channel, who takes over and how to reach them. */
@Component
class HandoverNotifications {

    private final Messenger messenger;

    HandoverNotifications(Messenger messenger) {
        this.messenger = messenger;
    }

    @ApplicationModuleListener
    void on(HandoverCreated event) {
        messenger.send(event.personId(), "handover",
                new Object[] {event.fromOrganisation(), event.toOrganisation(), event.contactName(), event.contactDetails()},
                "handover:" + event.handoverId());
    }
}
