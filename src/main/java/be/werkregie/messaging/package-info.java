/** Messages that reach each person in their channel: e-mail, SMS, printed letter or a phone call, in nl/fr/en. */
package be.werkregie.messaging;
