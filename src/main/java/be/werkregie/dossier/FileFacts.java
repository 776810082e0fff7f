package be.werkregie.dossier;

import be.werkregie.identity.Users;
import be.werkregie.shared.PersonFileFact;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The dossier reacts to the facts other modules publish about a person ({@link PersonFileFact}): each becomes an entry
 * of the integrated file, written as the user who acted, with that user's rights (the same checks as a typed entry:
 * consent to act, visibility), idempotent on the fact's source key. Synchronous, in the publisher's transaction.
 */
@Component
class FileFacts {

    private final Dossier dossier;
    private final Users users;

    FileFacts(Dossier dossier, Users users) {
        this.dossier = dossier;
        this.users = users;
    }

    @EventListener
    void on(PersonFileFact fact) {
        var author = users.find(fact.authorUsername())
                .orElseThrow(() -> new IllegalStateException("unknown author of a file fact: " + fact.authorUsername()));
        dossier.add(fact.personId(), fact.kind(), fact.visibility(), fact.title(), fact.body(), fact.occurredOn(), fact.sourceKey(), author);
    }
}
