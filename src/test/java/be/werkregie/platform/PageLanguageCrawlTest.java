package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.Users;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every role's pages, found by following the links from their home page (as a new user would click around), are
 * fetched in French and in English. The test fails on
 * <ul>
 *   <li>a dead end: a link that answers an error (4xx/5xx) or a page that is not HTML;</li>
 *   <li>text on the page that is Dutch text of the message bundles while the page is in another language
 *       (a label, a heading or a message that was not translated, or Dutch built in Java);</li>
 *   <li>a raw code shown to a person ({@code BASIC}, {@code WORKPLACE_LEARNING_START}, {@code READ · DOSSIER}).</li>
 * </ul>
 * That every bundle has every key is {@code MessagesTest}.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PageLanguageCrawlTest {

    /** Acronyms and codes people know and that are the same in every language. */
    static final Set<String> KNOWN_CODES = Set.of("VDAB", "OCMW", "CPAS", "INSZ", "NISS", "IBAN", "BTW", "TVA", "VAT", "PDF", "CSV",
            "ZIP", "KOW", "API", "PMAB", "NBAZU", "FAQ", "URL", "SMS", "ICT", "HTML", "JSON", "OK", "NL", "FR", "EN", "GDPR", "AVG",
            "RGPD", "NARIC", "UTC", "CET", "OIDC", "IBO", "PWA", "WCAG", "KBO", "BCE", "CBE", "ID", "PES", "EUR", "AUTO", "ESF", "FSE", "MB",
            "NV", "BV", "VZW", "ASBL", "SA", "SRL", "CVBA", "VOF", "CV", "GO", "VAPH", "RIZIV", "INAMI", "RVA", "ONEM", "OR");
    static final Pattern CODE = Pattern.compile("(?<![\\w-])(?:[A-Z][A-Z0-9]{2,}(?:_[A-Z0-9]+)+|[A-Z]{4,})(?![\\w-])");
    static final Pattern HREF = Pattern.compile("<a\\s[^>]*href=\"(/[^\"#]*)\"");
    static final Pattern TEXT = Pattern.compile(">([^<>]+)<");
    static final Pattern ATTR_TEXT = Pattern.compile("\\s(?:aria-label|title|placeholder|alt)=\"([^\"]+)\"");

    static Map<String, String> nl;
    static Map<String, String> fr;
    static Map<String, String> en;

    @Autowired MockMvc mvc;
    @Autowired Users users;

    @BeforeAll
    static void bundles() throws Exception {
        nl = load("i18n/messages.properties");
        fr = load("i18n/messages_fr.properties");
        en = load("i18n/messages_en.properties");
    }

    static final List<String> ROLES = List.of("mediator", "partner", "socialworker", "coach", "admin", "analyst", "campus",
            "localgov", "partnermanager", "mira", "nina", "abdel");

    @Test
    void everyPageARoleReachesIsInTheLanguageOfTheReaderWithoutDeadEndsOrCodes() throws Exception {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String role : ROLES) {
            UserDetails who = users.loadUserByUsername(role);
            Deque<String> todo = new ArrayDeque<>(List.of("/home", "/"));
            Set<String> seen = new LinkedHashSet<>(todo);
            int fetched = 0;
            while (!todo.isEmpty() && fetched < 45) {
                String path = todo.poll();
                for (String lang : List.of("fr", "en")) {
                    MvcResult r = mvc.perform(get(path).with(user(who)).header("Accept-Language", lang).accept("text/html"))
                            .andReturn();
                    int status = r.getResponse().getStatus();
                    if (status == 302 && lang.equals("fr")) {
                        String to = r.getResponse().getRedirectedUrl();
                        if (to != null && to.startsWith("/") && !to.startsWith("/login") && seen.add(to)) {
                            todo.add(to);
                        }
                        break;
                    }
                    if (status >= 400) {
                        problems.add(role + " " + path + " (" + lang + "): answers " + status + " — a dead end");
                        break;
                    }
                    String type = String.valueOf(r.getResponse().getContentType());
                    if (!type.startsWith("text/html")) {
                        break; // a download (CSV, PDF) reached by a link is not a page
                    }
                    String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    problems.addAll(check(role + " " + path + " (" + lang + ")", html, lang.equals("fr") ? fr : en));
                    if (lang.equals("fr")) {
                        fetched++;
                        pages++;
                        Matcher m = HREF.matcher(html);
                        while (m.find()) {
                            String link = m.group(1).replace("&amp;", "&");
                            if (follow(link) && seen.add(link)) {
                                todo.add(link);
                            }
                        }
                    }
                }
            }
        }
        assertThat(pages).as("pages walked").isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    static boolean follow(String link) {
        return !link.startsWith("/logout") && !link.startsWith("/api") && !link.startsWith("/v3/") && !link.startsWith("/swagger")
                && !link.startsWith("/css") && !link.startsWith("/js") && !link.startsWith("/webjars") && !link.startsWith("/actuator")
                && !link.contains("lang=") && !link.endsWith(".csv") && !link.endsWith(".pdf") && !link.endsWith(".zip")
                && !link.contains("/download") && !link.equals("/login");
    }

    /** The page's visible text and accessible names, checked against the Dutch texts the page's language must not show. */
    static List<String> check(String where, String html, Map<String, String> bundle) {
        List<String> out = new ArrayList<>();
        String body = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("(?s)<code[^>]*>.*?</code>", "") // a technical key shown as code, on purpose
                ;
        List<String> texts = new ArrayList<>();
        Matcher t = TEXT.matcher(body);
        while (t.find()) {
            texts.add(t.group(1));
        }
        Matcher a = ATTR_TEXT.matcher(body);
        while (a.find()) {
            texts.add(a.group(1));
        }
        for (String raw : texts) {
            String text = unescape(raw).replaceAll("\\s+", " ").trim();
            if (text.isEmpty() || text.length() < 2) {
                continue;
            }
            for (String key : DUTCH_ONLY_KEYS.computeIfAbsent(bundle == fr ? "fr" : "en", k -> dutchOnlyKeys(bundle))) {
                if (text.equals(nl.get(key))) {
                    out.add(where + ": shows the Dutch text of '" + key + "': \"" + text + "\"");
                }
            }
            Matcher c = CODE.matcher(text);
            while (c.find()) {
                String code = c.group();
                if (!KNOWN_CODES.contains(code) && !code.matches("[A-Z]{2}\\d+.*")) {
                    out.add(where + ": shows the code " + code + " in \"" + abbreviate(text) + "\"");
                }
            }
        }
        return out;
    }

    static final Map<String, List<String>> DUTCH_ONLY_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keys whose Dutch text differs from the other language's and is a sentence or label (not a name, not a format). */
    static List<String> dutchOnlyKeys(Map<String, String> other) {
        List<String> keys = new ArrayList<>();
        for (var e : nl.entrySet()) {
            String v = e.getValue();
            // province names are also the names of reference regions in the data (Limburg, Antwerpen)
            if (v.contains("{") || v.length() < 4 || !v.matches(".*[a-zA-Zë].*") || e.getKey().startsWith("province.")) {
                continue;
            }
            String o = other.get(e.getKey());
            if (o != null && !o.equals(v)) {
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&#x27;", "'");
    }

    static Map<String, String> load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = PageLanguageCrawlTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> out = new java.util.HashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k).replace("''", "'").trim());
        }
        return out;
    }
}
