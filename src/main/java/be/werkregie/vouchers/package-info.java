/**
 * Career vouchers (loopbaancheques): the right and its rules by effective date, vouchers and their payment by the
 * citizen, mandated career centres with sites, coaches and subcontractors, the public search robot, registration of
 * guidance in half hours, payment runs, the satisfaction survey, complaints, dossier control and stimulus financing.
 * Misuse detection with explainable scores, its case workflow and sanctions after the defence period. Public API: {@link be.werkregie.vouchers.Vouchers},
 * {@link be.werkregie.vouchers.CareerCentres}, {@link be.werkregie.vouchers.SearchRobot},
 * {@link be.werkregie.vouchers.Payments}, {@link be.werkregie.vouchers.Quality}, {@link be.werkregie.vouchers.Misuse}.
 */
package be.werkregie.vouchers;
