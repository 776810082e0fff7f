/**
 * Technical platform: the embedded PostgreSQL, web layout, language switch and error pages, and the shared trust
 * mechanisms every module uses (docs/trust.md): the one {@link java.time.Clock} ({@link be.werkregie.platform.TimeConfig}),
 * the stored demo date ({@link be.werkregie.platform.DemoDate}), idempotent writes
 * ({@link be.werkregie.platform.Idempotency}), advisory locks on things a module does not own
 * ({@link be.werkregie.platform.Locks}), and input hygiene at the edge (control characters, bounded dates, null list
 * elements; database data errors answered 400/409).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.werkregie.platform;
