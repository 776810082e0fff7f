package be.werkregie.messaging;

import be.werkregie.dossier.ConfidentialEntriesRead;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells each organisation whose confidential entry an administrator opened: who, when and why. */
@Component
class BreakGlassNotifications {

    private final OrganisationMail mail;

    BreakGlassNotifications(OrganisationMail mail) {
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(ConfidentialEntriesRead event) {
        String when = event.at().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
        for (var organisation : event.authorOrganisations()) {
            mail.send(organisation, "Vertrouwelijke notities geopend / Notes confidentielles ouvertes",
                    event.reader() + " (" + event.readerOrganisation() + ") opende op " + when
                            + " de vertrouwelijke notities van uw organisatie in het dossier van een cliënt. Reden: " + event.reason()
                            + "\n\n" + event.reader() + " (" + event.readerOrganisation() + ") a ouvert le " + when
                            + " les notes confidentielles de votre organisation dans le dossier d'un client. Motif : " + event.reason(),
                    "break-glass:" + event.personId() + ":" + organisation + ":" + event.at().toInstant());
        }
    }
}
