package be.werkregie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium logs in as every role, walks the main pages and runs axe-core (WCAG 2.1 A and AA rules):
 * zero violations allowed. Also checks that the core flow works with the keyboard alone.
 */
@IntegrationTest
@Tag("browser")
class AccessibilityBrowserTest {

    static WebDriver driver;

    @LocalServerPort int port;

    @org.springframework.beans.factory.annotation.Autowired java.time.Clock clock;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        String binary = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
        String driverPath = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!java.nio.file.Files.isExecutable(Path.of(binary)) || !java.nio.file.Files.isExecutable(Path.of(driverPath))) {
            throw new IllegalStateException("""

                    The browser tests need Chromium and its driver, which are not on this machine (looked for %s and %s).
                    Install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver), point CHROMIUM_BINARY and
                    CHROMEDRIVER at them, or leave the browser tests out: ./mvnw -B verify -DskipBrowserTests=true
                    """.formatted(binary, driverPath));
        }
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=390,844", "--lang=nl");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static final Map<String, List<String>> PAGES = Map.ofEntries(
            Map.entry("nina", List.of("/me/vouchers")),
            Map.entry("coach", List.of("/centre/sanctions", "/centre/profile", "/centre/vouchers")),
            Map.entry("mediator", List.of("/home", "/people?q=Kovalenko", "/people/new", "/messages", "/messages/letters", "/messages/phone-tasks",
                    "/guidance/mediator")),
            Map.entry("partner", List.of("/home", "/people?q=De+Wilde", "/campus/gent/week", "/campus/bookings", "/partner/trajectories")),
            Map.entry("socialworker", List.of("/home", "/people?q=Kovalenko", "/cooperation/referrals", "/cooperation/referrals/new")),
            Map.entry("mira", List.of("/me", "/me/views", "/me/guidance")),
            Map.entry("abdel", List.of("/me")),
            Map.entry("admin", List.of("/home", "/geo", "/vouchers/admin", "/vouchers/admin/misuse", "/guidance/admin")),
            Map.entry("analyst", List.of("/home", "/chance", "/chance?boundaryA=0.6&boundaryB=0.4&boundaryC=0.2", "/chance?boundaryA=x",
                    "/chance/explanation?person=not-an-id")),
            Map.entry("campus", List.of("/home", "/campus", "/campus/gent", "/campus/gent/import", "/campus/gent/week", "/campus/gent/week?date=not-a-date",
                    "/campus/manage/gent", "/campus/manage/gent/occupancy", "/campus/manage/gent/invoices", "/campus/manage/gent/agreements/new",
                    "/campus/manage/gent/events", "/campus/manage/gent/childcare", "/campus/bookings", "/campus/invoices")),
            Map.entry("localgov", List.of("/home", "/cooperation/agreements")),
            Map.entry("partnermanager", List.of("/home")));

    @Test
    void everyRolesPagesHaveNoAccessibilityViolations() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/", "/login", "/about", "/geo", "/?lang=fr", "/login?lang=en", "/samenwerking", "/samenwerking?q=gent",
                "/samenwerking/44021", "/samenwerking/44021?lang=fr", "/samenwerking/ALL?lang=en", "/samenwerking/44021/actieplan")) {
            driver.manage().deleteAllCookies();
            problems.addAll(check(page));
        }
        problems.addAll(check("/begeleiding"));
        problems.addAll(check("/begeleiding?place=Gent&offer=BASIC&freeOnly=true"));
        problems.addAll(check("/loopbaancampus"));
        problems.addAll(check("/loopbaancampus/anderlecht?lang=fr"));
        driver.findElement(By.cssSelector("ol.results a")).click();
        problems.addAll(checkCurrent("public event page"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        problems.addAll(checkCurrent("event registration with errors"));
        problems.addAll(check("/loopbaancentra"));
        problems.addAll(check("/loopbaancentra?place=Gent&radiusKm=50"));
        driver.findElement(By.cssSelector("ol.results a")).click();
        problems.addAll(checkCurrent("centre profile"));
        for (var e : PAGES.entrySet()) {
            login(e.getKey());
            for (String page : e.getValue()) {
                problems.addAll(check(page));
            }
            if (e.getKey().equals("coach")) {
                driver.findElement(By.cssSelector("main table tbody a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("sessions-title")));
                problems.addAll(checkCurrent("centre voucher page"));
            }
            if (e.getKey().equals("analyst")) {
                // the audit report of the active version, and the explanation of a client's score
                driver.get(url("/chance"));
                driver.findElement(By.cssSelector("main table tbody a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("breaches-title")));
                problems.addAll(checkCurrent("KOW audit report"));
            }
            if (e.getKey().equals("socialworker")) {
                driver.get(url("/cooperation/referrals"));
                driver.findElement(By.cssSelector("main table tbody a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("steps-title")));
                problems.addAll(checkCurrent("referral page"));
            }
            if (e.getKey().equals("localgov")) {
                driver.get(url("/cooperation/agreements"));
                driver.findElement(By.cssSelector("main ul a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("goal-title")));
                problems.addAll(checkCurrent("agreement editor"));
            }
            if (e.getKey().equals("nina")) {
                driver.findElement(By.cssSelector("main article a[href*='survey']")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("survey"));
                problems.addAll(checkCurrent("survey page"));
            }
            if (e.getKey().equals("mediator")) {
                driver.get(url("/people?q=Kovalenko"));
                driver.findElement(By.cssSelector("main table tbody a")).click();
                problems.addAll(checkCurrent("person page"));
                driver.findElements(By.cssSelector("details summary")).forEach(s -> s.click());
                problems.addAll(checkCurrent("person page with forms open"));
                // a form submitted with errors must stay accessible too
                driver.get(url("/people/new"));
                driver.findElement(By.cssSelector("main form button[type=submit]")).click();
                // wait for the answer page: on a busy 2-core machine the click returns before it has loaded
                new WebDriverWait(driver, Duration.ofSeconds(20))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
                assertThat(driver.findElement(By.id("errors")).getText()).contains("Niet alles is juist ingevuld");
                problems.addAll(checkCurrent("registration form with errors"));
                // the assessment page of a client in the assessment phase, and the form submitted incomplete
                driver.get(url("/guidance/mediator"));
                driver.findElement(By.cssSelector("main table tbody a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-title")));
                problems.addAll(checkCurrent("assessment page"));
                driver.findElement(By.cssSelector("form[action*='assessment'] button[type=submit]")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
                problems.addAll(checkCurrent("assessment form with errors"));
            }
            if (e.getKey().equals("partner")) {
                driver.findElement(By.cssSelector("main table tbody a")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("actions-title")));
                problems.addAll(checkCurrent("partner trajectory page"));
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Journeys to their end in the three languages, on a phone and on a desktop: the menu collapses on a phone and
     * opens with the keyboard, no page scrolls sideways, lists filter and page, and the check-your-answers and error
     * states pass axe too.
     */
    @Test
    void journeysInThreeLanguagesOnAPhoneAndADesktop() {
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("nl", "fr", "en")) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            driver.manage().deleteAllCookies();
            driver.get(url("/geo?lang=" + lang));
            var toggle = driver.findElement(By.cssSelector(".menu-toggle"));
            assertThat(toggle.isDisplayed()).as("a Menu button on a phone").isTrue();
            assertThat(driver.findElement(By.id("nav-menu")).isDisplayed()).as("the menu starts collapsed").isFalse();
            toggle.sendKeys(Keys.ENTER);
            assertThat(driver.findElement(By.id("nav-menu")).isDisplayed()).as("Enter opens the menu").isTrue();
            problems.addAll(checkCurrent("geo, menu open (" + lang + ")"));
            // the list: search, filter, sort and page
            driver.get(url("/geo?province=VOV&sort=population&dir=desc"));
            assertThat(driver.findElement(By.cssSelector(".list-count")).getText()).isNotBlank();
            assertThat(driver.findElement(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("descending");
            driver.findElement(By.cssSelector(".pagination a[rel=next]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("page=2"));
            problems.addAll(checkCurrent("geo page 2 (" + lang + ")"));
            problems.addAll(noSidewaysScroll("geo (" + lang + ")"));
            for (String[] walk : new String[][] {{"mediator", "/guidance/mediator"}, {"partner", "/partner/trajectories"},
                    {"coach", "/centre/vouchers"}, {"mira", "/me"}, {"admin", "/vouchers/admin"}, {"analyst", "/home"}}) {
                login(walk[0]);
                driver.get(url(walk[1] + "?lang=" + lang));
                problems.addAll(checkCurrent(walk[0] + " " + walk[1] + " (" + lang + ")"));
                problems.addAll(noSidewaysScroll(walk[0] + " " + walk[1] + " (" + lang + ")"));
                if (walk[0].equals("partner")) {
                    // stop a trajectory: the form with an error, then the check page (not confirmed: nothing happens)
                    driver.findElement(By.cssSelector("main table tbody a")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("stop-title")));
                    driver.findElement(By.cssSelector("form[action$='/stop'] button[type=submit]")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
                    assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the error summary has the focus").isEqualTo("errors");
                    assertThat(driver.getTitle()).as("the title says there is an error").containsAnyOf("Fout:", "Erreur :", "Error:");
                    assertThat(driver.findElement(By.id("motivation")).getAttribute("aria-invalid")).isEqualTo("true");
                    problems.addAll(checkCurrent("stop form with errors (" + lang + ")"));
                    driver.findElement(By.id("motivation")).sendKeys("Eerst herstel na de operatie.");
                    driver.findElement(By.id("contactName")).sendKeys("Sofie Claes");
                    driver.findElement(By.id("contactDetails")).sendKeys("09 123 45 67");
                    driver.findElement(By.cssSelector("form[action$='/stop'] button[type=submit]")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.summary")));
                    problems.addAll(checkCurrent("check your answers: stop (" + lang + ")"));
                }
            }
            // the desktop: the menu is a row, no Menu button
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            login("admin");
            driver.get(url("/vouchers/admin?lang=" + lang));
            assertThat(driver.findElement(By.cssSelector(".menu-toggle")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("nav-menu")).isDisplayed()).isTrue();
            problems.addAll(checkCurrent("admin on a desktop (" + lang + ")"));
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(problems).isEmpty();
    }

    private List<String> noSidewaysScroll(String label) {
        Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(wide) ? List.of(label + ": the page scrolls sideways") : List.of();
    }

    @Test
    void aCitizenCanSignInAndChangeChannelsWithTheKeyboardOnly() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        var active = driver.switchTo().activeElement();
        assertThat(active.getAttribute("id")).as("the user name field has focus").isEqualTo("username");
        active.sendKeys("bjorn", Keys.TAB, "werkregie", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/me$"));
        assertThat(driver.getCurrentUrl()).endsWith("/me");
        var skip = driver.findElement(By.cssSelector("a.skip"));
        assertThat(skip.getAttribute("href")).endsWith("#main");
        Path shot = Path.of("target/screenshots");
        Files.createDirectories(shot);
        Files.write(shot.resolve("me-mobile.png"), ((org.openqa.selenium.TakesScreenshot) driver)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        var phone = driver.findElement(By.id("ch-phone"));
        phone.clear();
        phone.sendKeys("0474 99 88 77", Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("opgeslagen");
    }

    /**
     * A mediator books a campus room with the keyboard only: from the week's availability (a free cell is a link that
     * says which room, day and part it books) to the booking form, and to the confirmation with the price; axe on each.
     */
    @Test
    void aMediatorBooksACampusRoomWithTheKeyboardOnly() {
        login("mediator");
        driver.get(url("/campus/gent/week?date=" + java.time.LocalDate.now(clock).plusWeeks(30)));
        List<String> problems = new ArrayList<>(checkCurrent("campus week"));
        var body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        boolean found = false;
        for (int i = 0; i < 200 && !found; i++) {
            var active = driver.switchTo().activeElement();
            if ("a".equals(active.getTagName()) && active.getAttribute("href") != null && active.getAttribute("href").contains("/campus/book")) {
                found = true;
                active.sendKeys(Keys.ENTER);
            } else {
                active.sendKeys(Keys.TAB);
            }
        }
        assertThat(found).as("a free cell is reachable with the Tab key").isTrue();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("purpose")));
        problems.addAll(checkCurrent("campus booking form"));
        // to the purpose field by Tab, type, and submit with Enter
        for (int i = 0; i < 40; i++) {
            var active = driver.switchTo().activeElement();
            if ("purpose".equals(active.getAttribute("id"))) {
                break;
            }
            active.sendKeys(Keys.TAB);
        }
        var purpose = driver.switchTo().activeElement();
        assertThat(purpose.getAttribute("id")).isEqualTo("purpose");
        purpose.sendKeys("Workshop solliciteren (toetsenbord)", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel")));
        assertThat(driver.findElement(By.cssSelector(".panel")).getText()).contains("bevestigd");
        problems.addAll(checkCurrent("campus booking confirmation"));
        assertThat(problems).isEmpty();
    }

    /**
     * The career-centre map is a real Leaflet map with a numbered marker per result. The tests' tile server cannot be
     * reached (werkregie.map.tile-url in application-test.yml), so the map must fall back to the outline of Flanders
     * and Brussels and say so, stay accessible, and a marker leads to the centre, whose "back to the search" keeps
     * the search.
     */
    @Test
    void theCentreMapFallsBackToTheOutlineAndItsMarkersLeadToTheCentre() {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        try {
            driver.get(url("/loopbaancentra?place=Gent&radiusKm=50"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#centre-map.leaflet-container")));
            wait.until(d -> d.findElement(By.id("centre-map-figure")).getAttribute("class").contains("map-outline-only"));
            // the outline (GeoJSON) and the search circle are drawn; no tile is left on the map
            wait.until(d -> d.findElements(By.cssSelector("#centre-map .leaflet-overlay-pane path")).size() >= 3);
            assertThat(driver.findElements(By.cssSelector("#centre-map .leaflet-tile-pane img"))).isEmpty();
            assertThat(driver.findElement(By.id("centre-map-caption")).getText()).contains("omtrek van Vlaanderen en Brussel");
            int results = driver.findElements(By.cssSelector("ol.results > li")).size();
            assertThat(results).isPositive();
            assertThat(driver.findElements(By.cssSelector("#centre-map .map-number"))).hasSize(results);
            assertThat(checkCurrent("centre map (outline fallback)")).isEmpty();
            String first = driver.findElement(By.cssSelector("ol.results > li h3 a")).getText();
            driver.findElement(By.cssSelector("#centre-map .map-number")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
            assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo(first);
            assertThat(driver.findElements(By.cssSelector("main .cards dt")).stream().map(e -> e.getText()))
                    .contains("Telefoon", "Openingsuren");
            driver.findElement(By.linkText("Terug naar zoeken")).click();
            wait.until(ExpectedConditions.urlContains("place=Gent"));
            assertThat(driver.getCurrentUrl()).contains("radiusKm=50");
            assertThat(driver.findElement(By.id("place")).getAttribute("value")).isEqualTo("Gent");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        }
    }

    /**
     * Screenshots of the main pages for docs/screenshots (not part of the suite): run with
     * {@code ./mvnw -B test -Dtest='AccessibilityBrowserTest#screenshotsOfTheMainPages' -Dwerkregie.screenshots=docs/screenshots}.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "werkregie.screenshots", matches = ".+")
    void screenshotsOfTheMainPages() throws Exception {
        Path dir = Path.of(System.getProperty("werkregie.screenshots"));
        java.nio.file.Files.createDirectories(dir);
        record Shot(String user, String path, String file, int width, int height) {}
        List<Shot> shots = List.of(
                new Shot(null, "/", "home-public", 1280, 900),
                new Shot(null, "/loopbaancentra?place=Gent&radiusKm=50", "centre-search-map", 1280, 1400),
                new Shot(null, "/begeleiding?place=Gent&offer=BASIC&freeOnly=true", "guidance-landing", 1280, 1200),
                new Shot("mira", "/me", "citizen-file-phone", 390, 1600),
                new Shot("mira", "/me/guidance", "citizen-guidance", 1280, 1200),
                new Shot("mira", "/me/messages", "citizen-inbox", 1280, 900),
                new Shot("nina", "/me/vouchers", "citizen-vouchers", 1280, 1400),
                new Shot("mediator", "/home", "mediator-home", 1280, 1000),
                new Shot("mediator", "/guidance/mediator", "mediator-guidance", 1280, 1200),
                new Shot("partner", "/partner/trajectories", "partner-caseload", 1280, 1200),
                new Shot("coach", "/centre/vouchers", "centre-vouchers", 1280, 1200),
                new Shot("socialworker", "/clients", "social-worker-clients", 1280, 900),
                new Shot("admin", "/vouchers/admin/misuse", "admin-misuse", 1280, 1400),
                new Shot("admin", "/messages", "admin-outbox", 1280, 1200));
        String signedIn = null;
        try {
            for (Shot shot : shots) {
                if (!java.util.Objects.equals(shot.user(), signedIn)) {
                    if (shot.user() == null) {
                        driver.manage().deleteAllCookies();
                    } else {
                        login(shot.user());
                    }
                    signedIn = shot.user();
                }
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(shot.width(), shot.height()));
                driver.get(url(shot.path()));
                Thread.sleep(shot.path().contains("loopbaancentra") ? 7000 : 500);
                byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(dir.resolve(shot.file() + ".png"), png);
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        }
    }

    private void login(String username) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("werkregie", Keys.ENTER);
        // wait for the sign-in to complete, or the next page would be checked as the login page
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private List<String> check(String page) {
        driver.get(url(page));
        if (!page.startsWith("/login")) {
            assertThat(driver.getCurrentUrl()).as("checked " + page + ", not a redirect to the login page").doesNotContain("/login");
        }
        return checkCurrent(page);
    }

    private List<String> checkCurrent(String label) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> out = new ArrayList<>();
        for (Rule v : results.getViolations()) {
            out.add(label + " [" + driver.getCurrentUrl() + "]: " + v.getId() + " — " + v.getHelp() + " — "
                    + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
        }
        if (driver.getPageSource().contains("Whitelabel") || driver.getTitle().isBlank()) {
            out.add(label + ": no proper page (" + driver.getTitle() + ")");
        }
        // a journey that ends on an error page is a dead end, even when the error page itself is accessible
        if (!driver.findElements(By.cssSelector("main.error-page")).isEmpty()) {
            out.add(label + " [" + driver.getCurrentUrl() + "]: ends on an error page (status "
                    + driver.findElement(By.cssSelector("main.error-page")).getAttribute("data-status") + ")");
        }
        return out;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
