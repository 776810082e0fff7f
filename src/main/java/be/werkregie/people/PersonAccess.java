package be.werkregie.people;

import java.util.UUID;

/**
 * A legal basis, other than consent, on which an organisation may see a person: implemented by the modules that assign
 * people to organisations (a guidance trajectory assigned by the employment service). Deny by default: only what an
 * implementation grants.
 */
public interface PersonAccess {

    boolean grants(UUID organisationId, UUID personId);
}
