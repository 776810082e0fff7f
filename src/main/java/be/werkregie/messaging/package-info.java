/**
 * Messages that reach each person in their channel: e-mail, SMS, printed letter or a phone call, in nl/fr/en; and
 * e-mail to organisations at their registered address ({@link be.werkregie.messaging.OrganisationMail}). SMS exports and
 * print batches claim exactly the messages in their file ({@link be.werkregie.messaging.Batches}); only those are
 * confirmed as sent or printed.
 */
package be.werkregie.messaging;
