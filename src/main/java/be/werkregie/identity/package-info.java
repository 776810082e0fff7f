/** Organisations, users, roles and login; deny by default. */
package be.werkregie.identity;
