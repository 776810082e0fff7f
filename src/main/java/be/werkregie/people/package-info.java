/**
 * Citizens: identity, contact data, language, preferred channels, target-group dimensions, and their consents. Who may
 * see a person: the person, the employment service, and organisations with an active consent or another legal basis
 * that a module grants through {@link be.werkregie.people.PersonAccess} (a guidance trajectory). A {@code SEE} consent
 * reads; writing needs {@code ACT} ({@link be.werkregie.people.PersonDirectory#mayAct}). A consent is given by the person
 * (in their pages) or recorded by the receiving organisation with the person present or on a signed form — never by a
 * third organisation.
 */
package be.werkregie.people;
