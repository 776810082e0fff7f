package be.werkregie;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonRegistration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Data for module slice tests ({@code @ApplicationModuleTest}), made through the modules' own APIs on the slice's own
 * database (no demo data is loaded in a slice): organisations, users in them, people registered by a mediator.
 */
public final class ModuleFixtures {

    private final Organisations organisations;
    private final Users users;

    public ModuleFixtures(Organisations organisations, Users users) {
        this.organisations = organisations;
        this.users = users;
    }

    public UUID organisation(OrganisationKind kind, String name) {
        return organisations.create(kind, name + " " + UUID.randomUUID().toString().substring(0, 6), "44021", null,
                "info@" + kind.name().toLowerCase() + ".example", "09 000 00 00").id();
    }

    public CurrentUser user(UUID organisation, Role... roles) {
        String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "module-test-wachtwoord", "Module " + name, organisation, null, "nl", Set.of(roles));
        return users.find(name).orElseThrow();
    }

    /** A person registered by the given mediator (who then may see and act in their file). */
    public static UUID person(PersonRegistration registration, CurrentUser mediator) {
        return registration.register(TestPeople.person("Module", List.of("EMAIL"), "module@example.org", null, "Kouter 1"), mediator);
    }
}
