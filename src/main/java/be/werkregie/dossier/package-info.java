/**
 * The integrated client file: entries from every organisation, who may see which part, and warm handovers. Confidential
 * entries are read only by their author's organisation and the person, and by an administrator who breaks the glass
 * with a reason (audited, shown to the person, the authors told through {@link be.werkregie.dossier.ConfidentialEntriesRead}).
 *
 * <p>Other modules add to the file by publishing {@link be.werkregie.shared.PersonFileFact}: the dossier records each in
 * the publisher's transaction with the acting user's rights ({@code FileFacts}). Warm handovers are a command
 * ({@link be.werkregie.dossier.Dossier#handOver}); their acknowledgement publishes {@link be.werkregie.dossier.HandoverAcknowledged}.
 */
package be.werkregie.dossier;
