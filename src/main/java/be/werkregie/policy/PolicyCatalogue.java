package be.werkregie.policy;

import java.util.List;

/** A module's open parameters (a bean in the module's package). */
public interface PolicyCatalogue {

    List<PolicyDefinition> definitions();
}
