package be.werkregie.shared;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something happened that belongs in the person's integrated file (an assessment decision, an action in a trajectory,
 * a flanking action, an outcome; next: a campus booking, a referral between organisations). The module where it happened
 * publishes this event; the dossier module records it as an entry. The publisher does not know the dossier.
 *
 * <p>The dossier handles it in the publisher's transaction: the fact and its entry are committed together or not at all
 * (a file that misses a step would mislead the next caseworker). {@code sourceKey} makes the entry idempotent;
 * {@code authorUsername} is the user who acted, whose organisation the entry is shown under.
 *
 * @param kind       NOTE, ACTION, DOCUMENT or DECISION
 * @param visibility SHARED, ORGANISATION or CONFIDENTIAL
 */
public record PersonFileFact(UUID personId, String kind, String visibility, String title, String body, LocalDate occurredOn,
                             String sourceKey, String authorUsername) {}
