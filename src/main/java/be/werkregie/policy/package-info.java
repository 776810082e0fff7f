/**
 * Dated policy values: the open parameters of the sources as values with an effective date, who set them, when and why.
 * Public API: {@link be.werkregie.policy.Policies} (the value in force on a date; propose, approve, history) and
 * {@link be.werkregie.policy.PolicyDefinition} (what a module declares: key, kind, money or not, and the defaults that
 * the configuration seeds). A money value needs a second administrator's approval (four eyes); a change applies from
 * its date, never retroactively.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package be.werkregie.policy;
