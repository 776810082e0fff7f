/**
 * Organisations, users, roles and login; deny by default. Password sign-in (form and HTTP Basic) goes through the
 * {@link be.werkregie.identity.LoginThrottle}; outside demo mode the platform refuses to start while demo accounts or the
 * demo password exist.
 */
package be.werkregie.identity;
