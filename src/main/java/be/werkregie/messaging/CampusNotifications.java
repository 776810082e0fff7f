package be.werkregie.messaging;

import be.werkregie.campus.CampusBookingCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messaging reacts to the campus's events: when someone other than the booker cancels a booking — a refused request, or
 * the employment service's own planning that needs the space — the booker's organisation gets an e-mail in Dutch and
 * French with the reason. After the commit, from the event publication registry; idempotent per booking.
 */
@Component
class CampusNotifications {

    private final OrganisationMail organisationMail;
    private final org.springframework.context.MessageSource messages;

    CampusNotifications(OrganisationMail organisationMail, org.springframework.context.MessageSource messages) {
        this.organisationMail = organisationMail;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(CampusBookingCancelled e) {
        if (e.organisationId() == null) {
            return;
        }
        Object[] args = {e.space(), e.campus(), e.onDate().toString(), e.reason()};
        String kind = e.forPriority() ? "gaveWay" : "refused";
        organisationMail.send(e.organisationId(), bilingual("orgMail.campus." + kind + ".subject", " / ", args),
                bilingual("orgMail.campus." + kind + ".body", "\n\n", args), "campus-cancelled:" + e.bookingId());
    }

    private String bilingual(String key, String separator, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.forLanguageTag("nl")) + separator
                + messages.getMessage(key, args, java.util.Locale.forLanguageTag("fr"));
    }
}
