/** Citizens: identity, contact data, language, preferred channels, target-group dimensions, and their consents. */
package be.werkregie.people;
