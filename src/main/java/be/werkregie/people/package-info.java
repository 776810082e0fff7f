/**
 * Citizens: identity, contact data, language, preferred channels, target-group dimensions, and their consents. Who may
 * see a person: the person, the employment service, and organisations with an active consent or another legal basis
 * that a module grants through {@link be.werkregie.people.PersonAccess} (a guidance trajectory).
 */
package be.werkregie.people;
