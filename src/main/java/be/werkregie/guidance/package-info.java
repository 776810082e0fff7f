/**
 * Guidance 2027: assessment and routing to the basic or specialised offer with flanking actions, the catalogue and
 * partner contracts (concessions, Open House admissions), the public landing page, the client's choice and the optimal
 * automatic assignment, trajectories with actions, formal outputs, stops with a warm handover and outcomes, result fees
 * by Kans Op Werk group behind information barriers, payment runs and KPIs, and each partner's outflow on the landing page
 * against what the KOW scores frozen at the start expected ({@link be.werkregie.guidance.Partners#outflow}). Public API: {@link be.werkregie.guidance.Routing},
 * {@link be.werkregie.guidance.Assessments}, {@link be.werkregie.guidance.Partners}, {@link be.werkregie.guidance.Assignment},
 * {@link be.werkregie.guidance.Trajectories}, {@link be.werkregie.guidance.GuidancePayments}.
 *
 * <p>Life cycles: the trajectory's, the referral's and {@link be.werkregie.guidance.ResultFeeStatus}. Events:
 * {@link be.werkregie.guidance.AssessmentCompleted}, {@link be.werkregie.guidance.TrajectoryStarted},
 * {@link be.werkregie.guidance.TrajectoryEnded}, {@link be.werkregie.guidance.OutputRegistered},
 * {@link be.werkregie.guidance.ResultVerified}, {@link be.werkregie.guidance.AssignmentCompleted}, and
 * {@link be.werkregie.shared.PersonFileFact} for the client's file. Published view: {@code guidance_v_assignment}. Pages
 * per audience: public, citizen, mediator, partner, admin.
 */
package be.werkregie.guidance;
