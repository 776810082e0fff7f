package be.werkregie.demo;

import be.werkregie.dossier.Dossier;
import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisation;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.Consents;
import be.werkregie.people.NewPerson;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.NationalNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the demo data set when the database is empty: the employment service with offices and the five career
 * campuses, partners, career centres, an OCMW and a municipality for every municipality, employers, a user for every
 * role, the seed's personas, and a population of citizens. Deterministic for a given seed and scale; scale 1 gives
 * the ~155,000 people of the real career-voucher population (see docs/demo-data.md).
 */
@Component
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100) // before the modules' histories
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int PEOPLE_AT_SCALE_ONE = 155_000;

    private static final String[] MALE = {"Lucas", "Noah", "Liam", "Louis", "Arthur", "Jules", "Wout", "Tom", "Pieter", "Jan",
            "Koen", "Bart", "Dirk", "Stijn", "Jens", "Bram", "Thomas", "Mohamed", "Youssef", "Adam", "Milan", "Lars", "Kevin",
            "Gert", "Marc", "Luc", "Patrick", "Hugo", "Ibrahim", "Mehmet", "Piotr", "Andrei"};
    private static final String[] FEMALE = {"Emma", "Olivia", "Louise", "Marie", "Elise", "Noor", "Lotte", "Sofie", "An",
            "Els", "Katrien", "Lien", "Hanne", "Fien", "Julie", "Sara", "Nina", "Fatima", "Amira", "Yasmina", "Ines", "Leen",
            "Griet", "Veerle", "Mieke", "Hilde", "Anna", "Elif", "Zeynep", "Aleksandra", "Maria", "Chloé"};
    private static final String[] SURNAMES = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
            "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Hermans", "Aerts", "Michiels", "Desmet", "Martens",
            "Van Damme", "De Clercq", "Vermeulen", "Pauwels", "Vandenberghe", "Cools", "Verhoeven", "El Amrani", "Benali",
            "Yilmaz", "Kaya", "Nowak", "Kowalski", "Popescu", "Diallo", "Mukendi", "Van den Broeck", "Declercq", "Smets",
            "Leclercq", "Bogaert", "Segers", "Lemmens", "Verstraete", "Hendrickx", "Coppens", "De Backer", "Stevens"};
    private static final String[] STREETS = {"Kerkstraat", "Stationsstraat", "Dorpsstraat", "Schoolstraat", "Molenstraat",
            "Nieuwstraat", "Kapelstraat", "Veldstraat", "Meersstraat", "Lindelaan", "Beekstraat", "Heirweg"};

    private final Organisations organisations;
    private final Users users;
    private final PersonRegistration registration;
    private final PersonDirectory people;
    private final Consents consents;
    private final Dossier dossier;
    private final Municipalities municipalities;
    private final double scale;
    private final long seed;
    private final String password;

    private final be.werkregie.platform.DemoDate demoDate;

    DemoData(be.werkregie.platform.DemoDate demoDate, Organisations organisations, Users users, PersonRegistration registration, PersonDirectory people, Consents consents,
             Dossier dossier, Municipalities municipalities, @Value("${werkregie.demo.scale:0.02}") double scale,
             @Value("${werkregie.demo.seed:2027}") long seed, @Value("${werkregie.demo.password:werkregie}") String password) {
        this.demoDate = demoDate;
        this.organisations = organisations;
        this.users = users;
        this.registration = registration;
        this.people = people;
        this.consents = consents;
        this.dossier = dossier;
        this.municipalities = municipalities;
        this.scale = scale;
        this.seed = seed;
        this.password = password;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            log.info("Database already holds data; demo data not loaded again");
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Organisation> orgs = organisations(random);
        Map<String, UUID> personas = personas();
        users(orgs, personas);
        users.markDemoAccounts();
        int n = (int) Math.round(PEOPLE_AT_SCALE_ONE * scale);
        population(random, n);
        stories(orgs, personas);
        log.info("Demo data loaded: {} organisations, {} people, {} users in {} ms (scale {}, seed {})", organisations.count(),
                people.count(), users.count(), (System.nanoTime() - start) / 1_000_000, scale, seed);
    }

    private Map<String, Organisation> organisations(Random random) {
        Map<String, Organisation> o = new LinkedHashMap<>();
        Organisation pes = organisations.create(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB", "21004", null, "info@vdab.example", "0800 30 700");
        o.put("pes", pes);
        for (String[] office : new String[][] {{"11002", "Antwerpen"}, {"24062", "Leuven"}, {"31005", "Brugge"},
                {"44021", "Gent"}, {"71022", "Hasselt"}, {"21004", "Brussel"}}) {
            o.put("office-" + office[1], organisations.create(OrganisationKind.PES_OFFICE, "VDAB-kantoor " + office[1], office[0],
                    pes.id(), null, "0800 30 700"));
        }
        for (String[] campus : new String[][] {{"11002", "Antwerpen"}, {"44021", "Gent"}, {"36015", "Roeselare"},
                {"21001", "Anderlecht"}, {"23047", "Machelen"}}) {
            o.put("campus-" + campus[1], organisations.create(OrganisationKind.CAMPUS, "Loopbaancampus " + campus[1], campus[0],
                    pes.id(), null, null));
        }
        String[][] partners = {{"Trajectum", "44021"}, {"Werkkracht", "11002"}, {"Jobroute", "71022"}, {"Kompas Werk", "31005"},
                {"Stapsteen (gespecialiseerd: arbeidsbeperking)", "24062"}, {"Taalbrug (taalcoaching)", "21004"},
                {"Werkplek+ (werkplekleren)", "36015"}, {"Nieuwe Start", "34022"}, {"Job&Co", "46021"}, {"Doorstart", "12025"},
                {"Talentwerf", "41002"}, {"Brugwerk", "13040"}};
        int i = 0;
        for (String[] p : partners) {
            o.put("partner-" + (i++), organisations.create(OrganisationKind.PARTNER, p[0], p[1], null, "info@partner" + i + ".example", null));
        }
        String[] centres = {"Loopbaanpunt", "Koers Loopbaanbegeleiding", "Horizon Loopbaancentrum", "Kantelpunt", "Richting",
                "Loopbaanatelier", "Spoorzoeker", "Wegwijzer Loopbaan", "Groeipad", "Perspectief", "Zinvol Werk", "Kernkracht",
                "De Loopbaanfabriek", "Talentkompas", "Open Deur Loopbaan", "Balans", "Heroriëntatiehuis", "Stroomop",
                "Bron Loopbaanbegeleiding", "Vonk"};
        List<Municipality> all = municipalities.all();
        i = 0;
        for (String c : centres) {
            Municipality m = all.get(random.nextInt(all.size()));
            o.put("centre-" + (i++), organisations.create(OrganisationKind.CAREER_CENTRE, c, m.nis(), null, null, null));
        }
        // at scale 1 the scheme has about 277 mandated career centres
        String[] centreWords = {"Loopbaancentrum", "Loopbaanbureau", "Coachingpunt", "Loopbaanhuis", "Talentenhuis", "Werkbalans"};
        for (int extra = centres.length; extra < Math.round(277 * scale); extra++) {
            Municipality m = all.get(random.nextInt(all.size()));
            o.put("centre-" + (i++), organisations.create(OrganisationKind.CAREER_CENTRE,
                    centreWords[extra % centreWords.length] + " " + m.nameNl() + " " + extra, m.nis(), null, null, null));
        }
        for (Municipality m : all) {
            o.put("ocmw-" + m.nis(), organisations.create(OrganisationKind.SOCIAL_SERVICE, "OCMW " + m.nameNl(), m.nis(), null, null, null));
            o.put("gemeente-" + m.nis(), organisations.create(OrganisationKind.MUNICIPALITY,
                    (m.population() > 30_000 ? "Stad " : "Gemeente ") + m.nameNl(), m.nis(), null, null, null));
        }
        // the seed's employer personas: Inge (large construction firm), George (start-up), Nasser (accountancy), Sabine (bakery)
        o.put("employer-inge", organisations.create(OrganisationKind.EMPLOYER, "Bouwgroep Schelde (HR: Inge)", "11002", null, null, null));
        o.put("employer-george", organisations.create(OrganisationKind.EMPLOYER, "Kiwi Labs (oprichter: George)", "24062", null, null, null));
        o.put("employer-nasser", organisations.create(OrganisationKind.EMPLOYER, "Boekhoudkantoor Van Acker (Nasser)", "44021", null, null, null));
        o.put("employer-sabine", organisations.create(OrganisationKind.EMPLOYER, "Bakkerij Sabine", "36015", null, null, null));
        return o;
    }

    private final Set<String> personaNumbers = new HashSet<>();

    private Map<String, UUID> personas() {
        List<NewPerson> list = new ArrayList<>();
        list.add(persona("Mira", "Kovalenko", LocalDate.of(1989, 4, 12), 102, "44021", "Brabantdam 12", "mira.kovalenko@mail.example",
                "0470 11 22 33", "en", "uk", List.of("EMAIL", "SMS"), "JOB_SEEKER", "HIGH", true, false,
                dims(4, 5, 2, 5, 3, 2, 4, 5, 4), "mira"));
        list.add(persona("Angelo", "García", LocalDate.of(1984, 9, 3), 103, "11002", "Turnhoutsebaan 88", null, "0471 23 45 67",
                "en", "es", List.of("SMS", "PHONE"), "JOB_SEEKER", "MEDIUM", true, false, dims(5, 3, 1, 5, 4, 3, 5, 5, 4), "angelo"));
        list.add(persona("Frédéric", "Lambert", LocalDate.of(1998, 2, 20), 105, "21001", "Rue Wayez 5", "frederic.lambert@mail.example",
                "0472 98 76 54", "fr", "fr", List.of("EMAIL", "PHONE"), "JOB_SEEKER", "HIGH", false, true,
                dims(5, 4, 3, 5, 2, 3, 2, 5, 4), "frederic"));
        list.add(persona("Bernard", "De Wilde", LocalDate.of(1971, 11, 8), 107, "41002", "Kerkstraat 3", null, "053 21 43 65",
                "nl", "nl", List.of("LETTER", "PHONE"), "JOB_SEEKER", "MEDIUM", false, false, dims(5, 1, 5, 4, 4, 3, 4, 1, 4), "bernard"));
        list.add(persona("Abdel", "Benali", LocalDate.of(2003, 6, 15), 109, "71016", "Vennestraat 41", null, "0473 55 66 77",
                "nl", "nl", List.of("SMS"), "NON_ACTIVE_WITHOUT_BENEFIT", "LOW", true, false, dims(1, 5, 4, 1, 3, 1, 4, 2, 1), "abdel"));
        list.add(persona("Anja", "Vermeersch", LocalDate.of(1982, 1, 30), 110, "36015", "Ooststraat 17", "anja.vermeersch@mail.example",
                "051 22 33 44", "nl", "nl", List.of("PHONE", "LETTER"), "NON_ACTIVE", "HIGH", false, true,
                dims(1, 4, 5, 2, 4, 3, 1, 1, 1), "anja"));
        list.add(persona("Bjorn", "Claes", LocalDate.of(1993, 7, 22), 111, "34022", "Gentsesteenweg 201", null, "0474 12 12 12",
                "nl", "nl", List.of("SMS", "LETTER"), "WORKER", "LOW", false, false, dims(null, 1, 5, 5, 4, 3, 5, 5, 5), "bjorn"));
        list.add(persona("Nina", "Goossens", LocalDate.of(1987, 3, 9), 112, "24062", "Naamsestraat 60", "nina.goossens@mail.example",
                "0475 90 80 70", "nl", "nl", List.of("EMAIL"), "WORKER", "HIGH", false, false, dims(null, 5, 5, 4, 5, 4, 3, 1, 5), "nina"));
        registration.importAll(list);
        list.forEach(p -> personaNumbers.add(NationalNumber.of(p.nationalNumber()).value()));
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String p : List.of("mira", "angelo", "frederic", "bernard", "abdel", "anja", "bjorn", "nina")) {
            ids.put(p, people.idOfPersona(p).orElseThrow());
        }
        return ids;
    }

    private void users(Map<String, Organisation> o, Map<String, UUID> personas) {
        // one bcrypt hash for all demo accounts (they share the published demo password); 0.2 s each otherwise
        Users.PasswordHash password = users.hash(this.password);
        users.create("admin", password, "Beheerder Werkregie", o.get("pes").id(), null, "nl", Set.of(Role.ADMINISTRATOR));
        users.create("mediator", password, "Eva Peeters", o.get("office-Gent").id(), null, "nl", Set.of(Role.MEDIATOR));
        users.create("partner", password, "Koen Janssens", o.get("partner-0").id(), null, "nl", Set.of(Role.PARTNER_STAFF));
        users.create("coach", password, "Leen Aerts", o.get("centre-0").id(), null, "nl", Set.of(Role.PARTNER_STAFF));
        users.create("socialworker", password, "Lotte Maes", o.get("ocmw-44021").id(), null, "nl", Set.of(Role.SOCIAL_WORKER));
        users.create("socialworker.genk", password, "Yusuf Kaya", o.get("ocmw-71016").id(), null, "nl", Set.of(Role.SOCIAL_WORKER));
        users.create("partnermanager", password, "Griet Willems", o.get("pes").id(), null, "nl", Set.of(Role.PARTNER_MANAGER));
        users.create("campus", password, "Hanne Cools", o.get("campus-Gent").id(), null, "nl", Set.of(Role.CAMPUS_MANAGER));
        users.create("localgov", password, "Pieter De Clercq", o.get("gemeente-44021").id(), null, "nl", Set.of(Role.LOCAL_GOVERNMENT));
        users.create("analyst", password, "Sofie Mertens", o.get("pes").id(), null, "nl", Set.of(Role.ANALYST));
        Map<String, String> languages = Map.of("frederic", "fr", "mira", "en", "angelo", "en");
        for (var e : personas.entrySet()) {
            users.create(e.getKey(), password, e.getKey().substring(0, 1).toUpperCase() + e.getKey().substring(1), null, e.getValue(),
                    languages.getOrDefault(e.getKey(), "nl"), Set.of(Role.CITIZEN));
        }
    }

    /** Consents, dossier entries and handovers that make the personas' files tell their story. */
    private void stories(Map<String, Organisation> o, Map<String, UUID> p) {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        CurrentUser social = users.find("socialworker").orElseThrow();
        CurrentUser socialGenk = users.find("socialworker.genk").orElseThrow();
        CurrentUser partner = users.find("partner").orElseThrow();
        LocalDate today = demoDate.today();
        runAs(mediator);
        try {
            consents.grant(p.get("mira"), o.get("ocmw-44021").id(), "Integrale begeleiding werk en welzijn", "ACT", today.minusMonths(2), today.plusYears(1), citizen("mira"));
            consents.grant(p.get("mira"), o.get("partner-0").id(), "Begeleiding naar werk (Trajectum)", "ACT", today.minusMonths(1), today.plusMonths(6), citizen("mira"));
            consents.grant(p.get("bernard"), o.get("partner-0").id(), "Heroriëntering 50+", "ACT", today.minusMonths(3), today.plusMonths(9), citizen("bernard"));
            consents.grant(p.get("anja"), o.get("partner-4").id(), "Gespecialiseerde begeleiding arbeidsbeperking", "ACT", today.minusMonths(4), today.plusYears(1), citizen("anja"));
            consents.grant(p.get("abdel"), o.get("ocmw-71016").id(), "Toeleiding naar werk via OCMW Genk", "ACT", today.minusMonths(6), today.plusYears(2), citizen("abdel"));
            UUID old = consents.grant(p.get("abdel"), o.get("partner-2").id(), "Mandaat Jobroute (ingetrokken)", "SEE", today.minusYears(1), today.plusMonths(1), citizen("abdel"));
            consents.revoke(p.get("abdel"), old, citizen("abdel"));
            dossier.add(p.get("mira"), "NOTE", "SHARED", "Intakegesprek", "Mira is psychologe (diploma Oekraïne), zoekt werk in de zorg. Nederlands B1; combineert met de opvang van haar zoon.", today.minusMonths(2), "demo-mira-1", mediator);
            dossier.add(p.get("mira"), "DECISION", "SHARED", "Gelijkwaardigheid diploma aanvragen", "Afspraak: aanvraag NARIC-gelijkwaardigheid, daarna oriëntatie op jobs in de kinderpsychologie.", today.minusMonths(2).plusDays(3), "demo-mira-2", mediator);
            dossier.add(p.get("mira"), "NOTE", "ORGANISATION", "Interne opvolging", "Opvolging door het team gezondheidszorg; terugbellen na de NARIC-beslissing.", today.minusMonths(1), "demo-mira-3", mediator);
            dossier.add(p.get("bernard"), "NOTE", "SHARED", "Na ontslag bij logistiek bedrijf", "31 jaar logistiek bediende. Wil iets zinvols doen de komende 15 jaar; onzeker over digitale vaardigheden. Voorkeur voor brieven en telefoon.", today.minusMonths(3), "demo-bernard-1", mediator);
        } finally {
            SecurityContextHolder.clearContext();
        }
        runAs(social);
        try {
            dossier.add(p.get("mira"), "ACTION", "SHARED", "Kinderopvang geregeld", "Plaats in de kinderopvang van loopbaancampus Gent vanaf volgende maand.", today.minusWeeks(3), "demo-mira-ocmw-1", social);
            dossier.add(p.get("mira"), "NOTE", "CONFIDENTIAL", "Budgetbegeleiding", "Vertrouwelijke notitie van de sociale dienst over de financiële situatie.", today.minusWeeks(3), "demo-mira-ocmw-2", social);
        } finally {
            SecurityContextHolder.clearContext();
        }
        runAs(partner);
        try {
            dossier.add(p.get("bernard"), "ACTION", "SHARED", "Talentenscan op de loopbaancampus", "Bernard deed de talentenscan; sterk in plannen en uitleggen. Volgende stap: snuffelstage (BVS) als opleider in een magazijn.", today.minusWeeks(2), "demo-bernard-p1", partner);
        } finally {
            SecurityContextHolder.clearContext();
        }
        runAs(socialGenk);
        try {
            dossier.add(p.get("abdel"), "NOTE", "SHARED", "Eerste contact via jeugdwerker", "Abdel wil barman worden. Weinig werkervaring; snel ontmoedigd. Wil concrete stappen, geen lange gesprekken. Bereikbaar via sms.", today.minusMonths(5), "demo-abdel-1", socialGenk);
            dossier.add(p.get("abdel"), "NOTE", "CONFIDENTIAL", "Schuldsituatie", "Vertrouwelijk: schuldbemiddeling loopt.", today.minusMonths(4), "demo-abdel-2", socialGenk);
            dossier.handOver(p.get("abdel"), o.get("office-Hasselt").id(), "Eva Peeters", "eva.peeters@vdab.example · 011 22 33 44",
                    "Abdel is klaar voor een eerste stap naar werk in de horeca. Hij heeft nood aan structuur en een duidelijk stappenplan; bel hem liever dan te mailen.",
                    "demo-abdel-handover", socialGenk);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private CurrentUser citizen(String persona) {
        return users.find(persona).orElseThrow();
    }

    private static void runAs(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private void population(Random random, int n) {
        List<Municipality> all = municipalities.all();
        long total = all.stream().mapToLong(Municipality::population).sum();
        long[] cumulative = new long[all.size()];
        long acc = 0;
        for (int i = 0; i < all.size(); i++) {
            acc += all.get(i).population();
            cumulative[i] = acc;
        }
        Set<String> used = new HashSet<>(personaNumbers); // never a persona's number twice
        List<NewPerson> batch = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long r = (long) (random.nextDouble() * total);
            int idx = java.util.Arrays.binarySearch(cumulative, r);
            Municipality m = all.get(idx >= 0 ? Math.min(idx + 1, all.size() - 1) : -idx - 1);
            boolean female = random.nextBoolean();
            int age = 18 + (int) Math.floor(Math.abs(random.nextGaussian()) * 14 + random.nextInt(20));
            age = Math.min(age, 66);
            LocalDate birth = demoDate.today().minusYears(age).minusDays(random.nextInt(365));
            NationalNumber nn;
            do {
                int seq = 1 + random.nextInt(498);
                seq = female ? seq - (seq % 2) + 2 : seq - (seq % 2) + 1;
                nn = NationalNumber.generate(birth, seq);
            } while (!used.add(nn.value()));
            String first = female ? FEMALE[random.nextInt(FEMALE.length)] : MALE[random.nextInt(MALE.length)];
            String last = SURNAMES[random.nextInt(SURNAMES.length)];
            boolean migration = random.nextDouble() < (m.nis().startsWith("21") ? 0.55 : 0.18);
            double e = random.nextDouble();
            String education = e < 0.22 ? "LOW" : e < 0.62 ? "MEDIUM" : "HIGH";
            double s = random.nextDouble();
            String status = s < 0.55 ? "WORKER" : s < 0.62 ? "SELF_EMPLOYED" : s < 0.82 ? "JOB_SEEKER" : s < 0.90 ? "NON_ACTIVE"
                    : s < 0.95 ? "SOCIAL_ASSISTANCE" : "NON_ACTIVE_WITHOUT_BENEFIT";
            int digital = Math.max(1, Math.min(5, (int) Math.round(4.2 - (age - 18) / 20.0 + random.nextGaussian())));
            boolean hasEmail = digital >= 3 || random.nextDouble() < 0.3;
            String email = hasEmail ? (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + k + "@mail.example" : null;
            String phone = "04" + (70 + random.nextInt(30)) + " " + (10 + random.nextInt(90)) + " " + (10 + random.nextInt(90)) + " "
                    + (10 + random.nextInt(90));
            List<String> channels = new ArrayList<>();
            if (hasEmail) {
                channels.add("EMAIL");
            }
            if (age < 30 && random.nextBoolean()) {
                channels.add(0, "SMS");
            }
            if (digital <= 2) {
                channels.add("LETTER");
                channels.add("PHONE");
            }
            if (channels.isEmpty()) {
                channels.add("LETTER");
            }
            String lang = m.nis().startsWith("21") && random.nextDouble() < 0.5 ? "fr" : "nl";
            batch.add(new NewPerson(nn.value(), first, last, m.nis(), STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(150)),
                    email, phone, lang, lang, channels, status, education, migration, random.nextDouble() < 0.07,
                    dims(status.equals("JOB_SEEKER") ? 1 + random.nextInt(5) : null, digital, lang.equals("nl") ? 3 + random.nextInt(3) : 1 + random.nextInt(5),
                            1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5),
                            1 + random.nextInt(5)), null));
            if (batch.size() == 5000) {
                registration.importAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            registration.importAll(batch);
        }
    }

    private static NewPerson persona(String first, String last, LocalDate birth, int seq, String nis, String street, String email,
                                     String phone, String lang, String contactLang, List<String> channels, String status,
                                     String education, boolean migration, boolean disability, Map<String, Integer> dims,
                                     String persona) {
        return new NewPerson(NationalNumber.generate(birth, seq).value(), first, last, nis, street, email, phone, lang, contactLang,
                channels, status, education, migration, disability, dims, persona);
    }

    private static Map<String, Integer> dims(Integer unemployment, Integer digital, Integer dutch, Integer motivation,
                                             Integer mobility, Integer finances, Integer health, Integer career, Integer reach) {
        Map<String, Integer> d = new HashMap<>();
        d.put("unemployment_duration", unemployment);
        d.put("digital_skills", digital);
        d.put("dutch_level", dutch);
        d.put("motivation", motivation);
        d.put("mobility", mobility);
        d.put("finances", finances);
        d.put("health", health);
        d.put("career_clarity", career);
        d.put("reachability", reach);
        return d;
    }
}
