package be.werkregie.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user with their organisation; the principal of every authenticated request. */
public record CurrentUser(UUID userId, String username, String passwordHash, String displayName, UUID organisationId,
                          String organisationName, OrganisationKind organisationKind, UUID personId, Set<Role> roles,
                          String language, boolean enabled) implements UserDetails {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean worksForEmploymentService() {
        return organisationKind != null && organisationKind.isEmploymentService();
    }

    public Role mainRole() {
        return roles.isEmpty() ? Role.CITIZEN : EnumSet.copyOf(roles).iterator().next();
    }

    /** The current user, or an exception when the request is anonymous (which security config prevents). */
    public static CurrentUser get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser u) {
            return u;
        }
        throw new IllegalStateException("No signed-in Werkregie user");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
