/**
 * Career vouchers (loopbaancheques): the right and its rules by effective date, vouchers and their payment by the
 * citizen, mandated career centres with sites, coaches and subcontractors, the public search robot, registration of
 * guidance in half hours, payment runs, the satisfaction survey, complaints, dossier control and stimulus financing.
 * Misuse detection with explainable scores, its case workflow and sanctions after the defence period. Public API: {@link be.werkregie.vouchers.Vouchers},
 * {@link be.werkregie.vouchers.CareerCentres}, {@link be.werkregie.vouchers.SearchRobot},
 * {@link be.werkregie.vouchers.Payments}, {@link be.werkregie.vouchers.Quality}, {@link be.werkregie.vouchers.Misuse}.
 *
 * <p>The life cycles are enums with their allowed moves: {@link be.werkregie.vouchers.Voucher.Status}, the complaint's,
 * the mandate's, the misuse case's and the sanction's. Events: {@link be.werkregie.vouchers.VoucherIssued},
 * {@link be.werkregie.vouchers.SessionRegistered}, {@link be.werkregie.vouchers.VoucherClosed}; payment runs go through
 * {@link be.werkregie.platform.PaymentRuns}. Pages per audience: public, citizen, centre, admin. The module does not
 * call messaging; messaging reacts to its events.
 *
 * <p>The contribution is paid through a {@link be.werkregie.vouchers.PaymentProvider} (the demo provider has its own
 * table {@code vc_demo_checkout} and payment page); a session is cancelled with a reason until it is paid
 * ({@code Vouchers.cancelSession}), and cancelled sessions are left out of payment runs, rules and misuse detection.
 */
package be.werkregie.vouchers;
