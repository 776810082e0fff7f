/**
 * Messages that reach each person in their channel: e-mail, SMS, printed letter or a phone call, in nl/fr/en; and
 * e-mail to organisations at their registered address ({@link be.werkregie.messaging.OrganisationMail}). SMS exports and
 * print batches claim exactly the messages in their file ({@link be.werkregie.messaging.Batches}); only those are
 * confirmed as sent or printed.
 *
 * <p>Messaging is not called by the business modules: it reacts to their events ({@code VoucherNotifications},
 * {@code GuidanceNotifications}, {@code HandoverNotifications}, {@code BreakGlassNotifications}, {@code CampusNotifications}:
 * refused or displaced campus bookings, reminders, a place from an event's waiting list) after commit, through
 * the event publication registry, each message idempotent on its key.
 */
package be.werkregie.messaging;
