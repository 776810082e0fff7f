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
    private final String publicUrl;

    CampusNotifications(OrganisationMail organisationMail, org.springframework.context.MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${werkregie.public-url:http://localhost:8080}") String publicUrl) {
        this.organisationMail = organisationMail;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    /** The day before a booking: a reminder to the booker's organisation, in Dutch and French. */
    @ApplicationModuleListener
    void on(be.werkregie.campus.CampusBookingReminder e) {
        Object[] args = {e.space(), e.campus(), e.onDate().toString(), e.purpose()};
        organisationMail.send(e.organisationId(), bilingual("orgMail.campus.reminder.subject", " / ", args),
                bilingual("orgMail.campus.reminder.body", "\n\n", args), "campus-reminder:" + e.bookingId());
    }

    /** A visitor on an event's waiting list got a place: a mail in the language they registered in, with their own address. */
    @ApplicationModuleListener
    void on(be.werkregie.campus.CampusPlaceOffered e) {
        java.util.Locale lang = java.util.Locale.forLanguageTag(e.language());
        Object[] args = {e.name(), e.eventTitle(), e.campus(), e.startsAt().toLocalDate().toString(), e.startsAt().toLocalTime().toString(),
                publicUrl + "/loopbaancampus/inschrijving/" + e.token()};
        organisationMail.sendToAddress(e.email(), messages.getMessage("mail.campus.placeOffered.subject", args, lang),
                messages.getMessage("mail.campus.placeOffered.body", args, lang), "campus-place:" + e.registrationId());
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
