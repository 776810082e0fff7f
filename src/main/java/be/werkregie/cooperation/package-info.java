/**
 * Local cooperation between the employment service and the local governments (municipalities and their social
 * services), after {@code ../shared/domain/local-cooperation.md}: referrals on the person's own mandate with the
 * pre-trajectory's findings carried into the integrated file, an intake deadline as dated policy, the one case manager,
 * steps both sides follow within the visibility rules ({@link be.werkregie.cooperation.Referrals}); the cursor-based event
 * feed an organisation's own system reads ({@link be.werkregie.cooperation.CooperationFeed}); cooperation agreements with
 * their fixed rubrics and yearly, published action plans with progress rolled up from actions to goals
 * ({@link be.werkregie.cooperation.ActionPlans}); and the public dashboard per municipality, reference region and
 * Flanders-and-Brussels ({@link be.werkregie.cooperation.Dashboard}) whose counts pass disclosure control with
 * secondary suppression ({@link be.werkregie.cooperation.Disclosure}).
 *
 * <p>Life cycle: {@link be.werkregie.cooperation.Referral.Status}. Reads other modules only through their Java API
 * (people, identity, geo) and published views ({@code people_v_person}, {@code guidance_v_trajectory}); writes the
 * dossier through {@link be.werkregie.shared.PersonFileFact}. Pages per audience: {@code ReferralPages} (social workers,
 * mediators), {@code AgreementPages} (local governments, partner managers), {@code CooperationPublicPages} (everyone).
 * See {@code docs/cooperation.md}.
 */
package be.werkregie.cooperation;
