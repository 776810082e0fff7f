/** The integrated client file: entries from every organisation, who may see which part, and warm handovers. */
package be.werkregie.dossier;
