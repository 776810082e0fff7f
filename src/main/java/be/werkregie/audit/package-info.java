/**
 * The append-only audit trail of every read and write of a person's data. Its own module (the
 * architecture note put it in dossier) so that people, dossier and messaging can all record to it
 * without a dependency cycle; see docs/decisions.md. Lists and exports record one read per person shown, in one
 * batched insert ({@link be.werkregie.audit.AuditTrail#recordReads}); the person pages through the whole trail, by
 * organisation and period, with the reader's role in plain words.
 */
package be.werkregie.audit;
