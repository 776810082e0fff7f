package be.werkregie.guidance;

import java.util.UUID;

/** Published when an assignment run has committed: clients and partners are informed in the background. */
public record AssignmentCompleted(UUID runId) {}
