/**
 * Guidance 2027: assessment and routing to the basic or specialised offer with flanking actions, the catalogue and
 * partner contracts (concessions, Open House admissions), the public landing page, the client's choice and the optimal
 * automatic assignment, trajectories with actions, formal outputs, stops with a warm handover and outcomes, result fees
 * by Kans Op Werk group behind information barriers, payment runs and KPIs. Public API: {@link be.werkregie.guidance.Routing},
 * {@link be.werkregie.guidance.Assessments}, {@link be.werkregie.guidance.Partners}, {@link be.werkregie.guidance.Assignment},
 * {@link be.werkregie.guidance.Trajectories}, {@link be.werkregie.guidance.GuidancePayments}.
 */
package be.werkregie.guidance;
