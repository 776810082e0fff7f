/**
 * Kans Op Werk (chance of work): the model that estimates a job seeker's chance of working at least 28 days within six
 * months, and the client's KOW group that the guidance result fee consumes ({@link be.werkregie.chance.KowGroups}).
 * Training with Oracle Tribuo on a time-based split ({@link be.werkregie.chance.ModelTrainer}), own calibration
 * ({@link be.werkregie.chance.Calibration}), versions with provenance and four eyes ({@link be.werkregie.chance.ChanceModels}),
 * daily scoring ({@link be.werkregie.chance.ChanceScoring}), and an audit anyone can recompute
 * ({@link be.werkregie.chance.ChanceAudit}, {@link be.werkregie.chance.Metrics}). The demo's spells come from a documented
 * ground truth ({@link be.werkregie.chance.GroundTruth}). Scores and groups are never shown to mediators or partners:
 * only analysts, administrators and the fee calculation read them. Guidance freezes the score at a trajectory's start and
 * compares each partner's outflow with what those scores expected ({@code KowGroups.outcomeOn}, {@code outflowMinimum}),
 * publishing aggregates only. See {@code docs/chance.md}.
 */
package be.werkregie.chance;
