/**
 * Technical platform: the embedded PostgreSQL, web layout, language switch and error pages, and the shared trust
 * mechanisms every module uses (docs/trust.md): the one {@link java.time.Clock} ({@link be.werkregie.platform.TimeConfig}),
 * the stored demo date ({@link be.werkregie.platform.DemoDate}), idempotent writes
 * ({@link be.werkregie.platform.Idempotency}), advisory locks on things a module does not own
 * ({@link be.werkregie.platform.Locks}), and input hygiene at the edge (control characters, bounded dates, null list
 * elements; database data errors answered 400/409).
 *
 * <p>Interface mechanisms the modules reuse (docs/components.md): {@link be.werkregie.platform.ListView} (search,
 * filters, sort and paging of a list), {@link be.werkregie.platform.CheckAnswers} (a step tried without effect, then
 * confirmed), {@link be.werkregie.platform.StartupTasks} (independent start-up work side by side, before readiness).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.werkregie.platform;
