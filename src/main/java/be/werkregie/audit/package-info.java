/**
 * The append-only audit trail of every read and write of a person's data. Its own module (the
 * architecture note put it in dossier) so that people, dossier and messaging can all record to it
 * without a dependency cycle; see docs/decisions.md.
 */
package be.werkregie.audit;
