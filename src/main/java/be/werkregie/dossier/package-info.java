/**
 * The integrated client file: entries from every organisation, who may see which part, and warm handovers. Confidential
 * entries are read only by their author's organisation and the person, and by an administrator who breaks the glass
 * with a reason (audited, shown to the person, the authors told through {@link be.werkregie.dossier.ConfidentialEntriesRead}).
 */
package be.werkregie.dossier;
