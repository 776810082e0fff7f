package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key is defined once per language, and every literal key a page uses exists in Dutch (the fallback). */
class MessagesTest {

    static final Path I18N = Path.of("src/main/resources/i18n");

    static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return keys;
    }

    @Test
    void keysAreUniquePerLanguage() throws IOException {
        for (String name : List.of("messages.properties", "messages_fr.properties", "messages_en.properties")) {
            List<String> keys = keys(I18N.resolve(name));
            Set<String> seen = new HashSet<>();
            List<String> twice = keys.stream().filter(k -> !seen.add(k)).toList();
            assertThat(twice).as(name).isEmpty();
        }
    }

    /** Every text exists in the three languages: no bundle lacks a key another bundle has (no silent Dutch fallback). */
    @Test
    void everyBundleHasEveryKey() throws IOException {
        Set<String> nl = new HashSet<>(keys(I18N.resolve("messages.properties")));
        for (String name : List.of("messages_fr.properties", "messages_en.properties")) {
            Set<String> other = new HashSet<>(keys(I18N.resolve(name)));
            assertThat(nl.stream().filter(k -> !other.contains(k)).sorted().toList()).as("keys missing in " + name).isEmpty();
            assertThat(other.stream().filter(k -> !nl.contains(k)).sorted().toList()).as("keys of " + name + " missing in Dutch").isEmpty();
        }
    }

    /** Messages always go through MessageFormat: an apostrophe must be doubled, or it swallows the text after it. */
    @Test
    void apostrophesAreDoubled() throws IOException {
        Pattern single = Pattern.compile("(?<!')'(?!')");
        for (String name : List.of("messages.properties", "messages_fr.properties", "messages_en.properties")) {
            List<String> wrong = Files.readAllLines(I18N.resolve(name), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#") && single.matcher(l).find()).toList();
            assertThat(wrong).as(name).isEmpty();
        }
    }

    /**
     * Dutch speaks to everyone the same way, in plain "je" (as the service's own style guide asks), never mixed with
     * the formal "u/uw". Letters to organisations included: a partner or centre reads the same tone.
     */
    @Test
    void dutchSaysJeNeverU() throws IOException {
        Pattern formal = Pattern.compile("(?<![\\p{L}'\\\\])(u|uw|U|Uw)(?![\\p{L}'])|\\\\n(u|uw|U|Uw)\\b");
        List<String> wrong = Files.readAllLines(I18N.resolve("messages.properties"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .filter(l -> formal.matcher(l.substring(l.indexOf('=') + 1)).find()).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKeyAPageUsesExists() throws IOException {
        Set<String> dutch = new HashSet<>(keys(I18N.resolve("messages.properties")));
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[(}]");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(page));
                while (m.find()) {
                    if (!dutch.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
