/**
 * Kans Op Werk (chance of work): the client's KOW group. This module's small public interface,
 * {@link be.werkregie.chance.KowGroups}, is what the guidance fee calculation consumes. Until the model itself lands
 * (its own issue), an administrator records a group. The group and score are never shown to mediators: only the
 * administrator pages and the fee calculation read them.
 */
package be.werkregie.chance;
