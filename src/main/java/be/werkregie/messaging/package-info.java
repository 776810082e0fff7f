/**
 * Messages that reach each person in their channel: e-mail, SMS, printed letter or a phone call, in nl/fr/en; and
 * e-mail to organisations at their registered address ({@link be.werkregie.messaging.OrganisationMail}).
 */
package be.werkregie.messaging;
