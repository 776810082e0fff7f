package be.werkregie.identity;

/** What a user may do; see docs/access-control.md for the page × role matrix. */
public enum Role {
    CITIZEN, MEDIATOR, PARTNER_STAFF, SOCIAL_WORKER, PARTNER_MANAGER, CAMPUS_MANAGER, LOCAL_GOVERNMENT, ANALYST, ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
