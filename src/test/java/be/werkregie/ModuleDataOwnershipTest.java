package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data ownership: a module's SQL names only its own tables. A table belongs to the module whose migration folder
 * creates it ({@code db/migration/<module>}). Other modules read it through the owner's Java API or through a
 * <b>published read view</b> of the owner: a view named {@code <owner>_v_<thing>}, created in the owner's migrations with
 * a {@code comment on view} that documents it. This test fails when Java code of one module names another module's
 * table in SQL ({@code from}, {@code join}, {@code into}, {@code update}), or when a published view lacks its comment.
 */
class ModuleDataOwnershipTest {

    private static final Pattern CREATE = Pattern.compile("create\\s+(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USE = Pattern.compile("\\b(from|join|into|update)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    record Owned(String module, boolean view) {}

    static Map<String, Owned> ownership() throws IOException {
        Map<String, Owned> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String module = f.getParent().getFileName().toString();
                Matcher m = CREATE.matcher(Files.readString(f));
                while (m.find()) {
                    owners.put(m.group(2).toLowerCase(), new Owned(module, m.group(1).equalsIgnoreCase("view")));
                }
            }
        }
        // the geo reference tables are filled by a Java migration of the geo module
        return owners;
    }

    @Test
    void noModulesSqlNamesAnotherModulesTable() throws IOException {
        Map<String, Owned> owners = ownership();
        assertThat(owners).containsKeys("person", "organisation", "municipality", "vc_voucher", "gd_trajectory");
        List<String> offences = new ArrayList<>();
        Path root = Path.of("src/main/java/be/werkregie");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // the application class
                }
                String module = rel.getName(0).toString();
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).trim();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = USE.matcher(lines.get(i));
                    while (m.find()) {
                        Owned o = owners.get(m.group(2).toLowerCase());
                        if (o == null || o.module().equals(module)) {
                            continue;
                        }
                        boolean published = o.view() && m.group(2).toLowerCase().startsWith(o.module() + "_v_");
                        if (!published) {
                            offences.add(rel + ":" + (i + 1) + " (" + module + ") names " + o.module() + "." + m.group(2));
                        }
                    }
                }
            }
        }
        assertThat(offences).as("SQL that reaches into another module's tables").isEmpty();
    }

    @Test
    void everyPublishedViewIsDocumented() throws IOException {
        Map<String, Owned> owners = ownership();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                all.append(Files.readString(f).toLowerCase()).append('\n');
            }
        }
        List<String> published = owners.entrySet().stream().filter(e -> e.getValue().view()
                && e.getKey().startsWith(e.getValue().module() + "_v_")).map(Map.Entry::getKey).toList();
        assertThat(published).contains("people_v_person", "identity_v_organisation", "geo_v_municipality");
        assertThat(published).allMatch(v -> all.indexOf("comment on view " + v + " is") >= 0);
    }

    @Test
    void theCheckWouldCatchAnOffence() {
        Matcher m = USE.matcher("select p.first_name from vc_voucher v join person p on p.id = v.person_id");
        List<String> used = new ArrayList<>();
        while (m.find()) {
            used.add(m.group(2));
        }
        assertThat(used).containsExactly("vc_voucher", "person");
    }
}
