package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A mediator completed an assessment and referred the client to an offer: the client may choose a partner until
 * {@code chooseBy}. {@code offerName} is in the client's language.
 */
public record AssessmentCompleted(UUID assessmentId, UUID personId, String offerCode, String offerName, LocalDate chooseBy) {}
