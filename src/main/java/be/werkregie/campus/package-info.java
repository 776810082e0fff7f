/**
 * Career campuses: the five campuses with buildings, spaces and tools ({@link be.werkregie.campus.Campuses}); agreements in
 * the three models of the financial framework with their limits as dated policy ({@link be.werkregie.campus.Agreement},
 * {@link be.werkregie.campus.CampusPolicies}); bookings by day part that the database keeps from colliding, weekly series
 * with skipped dates, approval of use-agreement requests and the employment service's priority
 * ({@link be.werkregie.campus.Bookings}); the pricing rules ({@link be.werkregie.campus.Tariffs}); occupancy against the
 * target ({@link be.werkregie.campus.Occupancy}); monthly invoices through the platform's run mechanism, numbered per year
 * without gaps, with credit notes and Peppol BIS 3.0 UBL e-invoices ({@link be.werkregie.campus.CampusInvoices},
 * {@link be.werkregie.campus.CampusEInvoice}); iCalendar feeds ({@link be.werkregie.campus.CampusFeeds}).
 *
 * <p>Life cycles: {@link be.werkregie.campus.Agreement.Status}, {@link be.werkregie.campus.Booking.Status}. Event:
 * {@link be.werkregie.campus.CampusBookingCancelled} (messaging tells the booker's organisation). Pages per audience:
 * bookers ({@code CampusBookingPages}), managers ({@code CampusManagerPages}), invoices ({@code CampusInvoiceFiles}), public
 * feeds ({@code CampusPublicPages}). See {@code docs/campus.md}.
 */
package be.werkregie.campus;
