package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Time class of the trust issue: every rule reads the injected {@link java.time.Clock}. Nothing in src/main (Java,
 * SQL inside Java, templates) asks the JVM or the database for "now" on its own. Only {@link TimeConfig} builds the
 * system clock. Migrations may keep {@code default now()} for record timestamps that no rule reads.
 */
class ClockDisciplineTest {

    private static final Pattern JAVA = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Instant|Year|YearMonth|MonthDay)\\.now\\(\\s*\\)"
                    + "|System\\.currentTimeMillis\\(|new java\\.util\\.Date\\(\\s*\\)|new Date\\(\\s*\\)|Clock\\.system"
                    + "|\\bnow\\(\\)|\\bcurrent_date\\b|\\bcurrent_timestamp\\b|\\blocaltimestamp\\b|\\bclock_timestamp\\(|\\btransaction_timestamp\\(|\\bstatement_timestamp\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE = Pattern.compile("\\.now\\(|#temporals\\.create(Now|Today)|#dates\\.create(Now|Today)|#calendars\\.create(Now|Today)");

    @Test
    void noCodeInMainReadsTheTimeWithoutTheInjectedClock() throws IOException {
        List<String> offences = new ArrayList<>();
        scan(Path.of("src/main/java"), ".java", JAVA, offences, "TimeConfig.java");
        scan(Path.of("src/main/resources/templates"), ".html", TEMPLATE, offences, null);
        assertThat(offences).as("calls of now() without the injected Clock").isEmpty();
    }

    @Test
    void theCheckWouldCatchAnOffence() {
        assertThat(JAVA.matcher("LocalDate today = LocalDate.now();").find()).isTrue();
        assertThat(JAVA.matcher("update x set at = now() where").find()).isTrue();
        assertThat(JAVA.matcher("where d < current_date").find()).isTrue();
        assertThat(JAVA.matcher("LocalDate.now(clock)").find()).isFalse();
        assertThat(TEMPLATE.matcher("${T(java.time.LocalDate).now()}").find()).isTrue();
    }

    private static void scan(Path root, String suffix, Pattern p, List<String> offences, String allowed) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(x -> x.toString().endsWith(suffix)).toList()) {
                if (allowed != null && f.getFileName().toString().equals(allowed)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String code = line.trim();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue; // documentation may name now()
                    }
                    if (p.matcher(line).find()) {
                        offences.add(root.relativize(f) + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
    }
}
