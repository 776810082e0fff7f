package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisation;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Users;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's five career campuses (Antwerpen, Gent, Roeselare, Anderlecht — bilingual — and Machelen): a main building
 * with reception and open learning centre, event hall, childcare, classrooms, a talent centre, meeting rooms and
 * offices, and a workshop building; tools (laptops, the talent-centre set-up, projectors); agreements in the three
 * models (Trajectum's partnership and a dedicated office in Gent, Werkkracht's lease in Antwerpen, use agreements of
 * types 1–3); twelve weeks of bookings around the demo date (the employment service's own planning, partners, a weekly
 * series with a skipped date, use-agreement requests waiting for approval). Anchored to the demo date.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
class CampusDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CampusDemoData.class);

    record CampusSeed(String code, String name, String nis, String street, String[] languages, String area) {}

    static final List<CampusSeed> CAMPUSES = List.of(
            new CampusSeed("antwerpen", "Loopbaancampus Antwerpen", "11002", "Kempenstraat 12", new String[] {"nl"}, "5200"),
            new CampusSeed("gent", "Loopbaancampus Gent", "44021", "Bellevue 4", new String[] {"nl"}, "4800"),
            new CampusSeed("roeselare", "Loopbaancampus Roeselare", "36015", "Kwadestraat 155", new String[] {"nl"}, "3900"),
            new CampusSeed("anderlecht", "Loopbaancampus Anderlecht", "21001", "Bergensesteenweg 1440", new String[] {"nl", "fr"}, "3100"),
            new CampusSeed("machelen", "Loopbaancampus Machelen", "23047", "Woluwelaan 140", new String[] {"nl"}, "4100"));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organisations organisations;
    private final Users users;
    private final Bookings bookings;
    private final Campuses campuses;
    private final CampusPolicies policies;
    private final CampusEvents events;
    private final CampusChildcare childcare;
    private final be.werkregie.platform.DemoDate demoDate;
    private final be.werkregie.platform.StartupTasks startupTasks;
    private final long seed;

    CampusDemoData(JdbcClient jdbc, javax.sql.DataSource dataSource, Organisations organisations, Users users, Bookings bookings,
                   Campuses campuses, CampusPolicies policies, CampusEvents events, CampusChildcare childcare,
                   be.werkregie.platform.DemoDate demoDate, be.werkregie.platform.StartupTasks startupTasks,
                   @Value("${werkregie.demo.seed:2027}") long seed) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.organisations = organisations;
        this.users = users;
        this.bookings = bookings;
        this.campuses = campuses;
        this.policies = policies;
        this.events = events;
        this.childcare = childcare;
        this.demoDate = demoDate;
        this.startupTasks = startupTasks;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupTasks.inBackground("campus-demo", this::load);
    }

    void load() {
        if (jdbc.sql("select count(*) from cp_campus").query(Long.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        Random r = new Random(seed + 21);
        LocalDate today = demoDate.today();
        List<Organisation> campusOrgs = organisations.ofKind(OrganisationKind.CAMPUS);
        List<Organisation> partners = organisations.ofKind(OrganisationKind.PARTNER).stream()
                .sorted(java.util.Comparator.comparing(Organisation::name)).toList();
        Map<String, UUID> spaceIds = new java.util.HashMap<>();
        List<UUID> campusIds = new ArrayList<>();
        for (CampusSeed c : CAMPUSES) {
            UUID campus = UUID.nameUUIDFromBytes(("campus-" + c.code()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            campusIds.add(campus);
            UUID org = campusOrgs.stream().filter(o -> o.name().equals(c.name())).map(Organisation::id).findFirst().orElse(null);
            jdbc.sql("insert into cp_campus (id, code, name, municipality_nis, street, languages, area_m2, organisation_id) values (?,?,?,?,?,?::text[],?,?)")
                    .params(campus, c.code(), c.name(), c.nis(), c.street(), "{" + String.join(",", c.languages()) + "}", new BigDecimal(c.area()), org)
                    .update();
            UUID main = UUID.randomUUID();
            UUID workshop = UUID.randomUUID();
            jdbc.sql("insert into cp_building (id, campus_id, name) values (?,?,?), (?,?,?)")
                    .params(main, campus, "Hoofdgebouw", workshop, campus, "Ateliergebouw").update();
            List<Object[]> spaces = new ArrayList<>();
            spaces.add(new Object[] {main, 0, "0.01", "Open leercentrum", "OPEN_LEARNING_CENTRE", 40, "220", "{LAPTOPS,WIFI,PRINTER}", "{WHEELCHAIR,QUIET}"});
            spaces.add(new Object[] {main, 0, "0.02", "Evenementenzaal", "EVENT_HALL", 150, "320", "{PROJECTOR,SOUND,STAGE,WIFI}", "{WHEELCHAIR,HEARING_LOOP}"});
            spaces.add(new Object[] {main, 0, "0.03", "Kinderdagverblijf Campusje", "CHILDCARE", 36, "180", "{}", "{WHEELCHAIR}"});
            for (int k = 1; k <= 4; k++) {
                spaces.add(new Object[] {main, 1, "1.0" + k, "Leslokaal 1.0" + k, "CLASSROOM", 20, "60", "{PROJECTOR,WHITEBOARD,WIFI}",
                        k <= 2 ? "{WHEELCHAIR,HEARING_LOOP,ADJUSTABLE_TABLES}" : "{WHEELCHAIR}"});
            }
            spaces.add(new Object[] {main, 1, "1.10", "Talentencentrum", "TALENT_CENTRE", 12, "80", "{TALENT_SETUP,LAPTOPS,WIFI}", "{WHEELCHAIR,QUIET}"});
            for (int k = 1; k <= 3; k++) {
                spaces.add(new Object[] {main, 2, "2.0" + k, "Vergaderzaal 2.0" + k, "MEETING_ROOM", k == 3 ? 12 : 8, k == 3 ? "40" : "30",
                        k == 3 ? "{SCREEN,VIDEO_CONFERENCE,WIFI}" : "{SCREEN,WIFI}", "{WHEELCHAIR}"});
            }
            for (int k = 0; k <= 2; k++) {
                spaces.add(new Object[] {main, 2, "2.1" + k, "Kantoor 2.1" + k, "OFFICE", 4, "25", "{WIFI}", "{WHEELCHAIR}"});
            }
            spaces.add(new Object[] {workshop, 0, "A.01", "Werkplaats hout", "WORKSHOP", 12, "150", "{WORKBENCHES,DUST_EXTRACTION}", "{WHEELCHAIR}"});
            spaces.add(new Object[] {workshop, 0, "A.02", "Werkplaats techniek", "WORKSHOP", 12, "150", "{WORKBENCHES,WELDING}", "{}"});
            for (Object[] s : spaces) {
                UUID id = UUID.nameUUIDFromBytes(("space-" + c.code() + "-" + s[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                spaceIds.put(c.code() + "/" + s[2], id);
                jdbc.sql("""
                        insert into cp_space (id, campus_id, building_id, floor, code, name, kind, capacity, area_m2, equipment, accessibility, bookable)
                        values (?,?,?,?,?,?,?,?,?,?::text[],?::text[],?)""")
                        .params(id, campus, s[0], s[1], s[2], s[3], s[4], s[5], new BigDecimal((String) s[6]), s[7], s[8], !s[4].equals("CHILDCARE"))
                        .update();
            }
            jdbc.sql("""
                    insert into cp_tool (id, campus_id, code, name_nl, name_fr, name_en, stock) values
                    (?,?,'LAPTOP','Laptop','Ordinateur portable','Laptop',20), (?,?,'TALENT','Talentencentrum-opstelling','Installation du centre de talents','Talent-centre set-up',1),
                    (?,?,'PROJECTOR','Mobiele projector','Projecteur mobile','Mobile projector',4)""")
                    .params(UUID.randomUUID(), campus, UUID.randomUUID(), campus, UUID.randomUUID(), campus).update();
        }
        // agreements, through the service with the Gent and Antwerpen campus managers' rights (an administrator)
        Optional<CurrentUser> admin = users.find("admin");
        if (admin.isEmpty() || partners.size() < 2) {
            return;
        }
        CurrentUser a = admin.get();
        UUID gent = campusIds.get(1);
        UUID antwerpen = campusIds.get(0);
        Organisation trajectum = partners.stream().filter(p -> p.name().equals("Trajectum")).findFirst().orElse(partners.get(0));
        Organisation werkkracht = partners.stream().filter(p -> p.name().equals("Werkkracht")).findFirst().orElse(partners.get(1));
        Organisation taalbrug = partners.stream().filter(p -> p.name().startsWith("Taalbrug")).findFirst().orElse(partners.get(0));
        LocalDate since = today.minusYears(2).withDayOfYear(1);
        Agreement partnership = campuses.approve(campuses.request(new Campuses.AgreementInput(gent, Agreement.Model.PARTNERSHIP, trajectum.id(),
                trajectum.name(), "facturatie@trajectum.example", "BE0456789034", null, since, since.plusYears(18).minusDays(1), null, null, true,
                null, new BigDecimal("0.20"), null, List.of(spaceIds.get("gent/2.10")), null), a).id(), "Samenwerkingsovereenkomst ondertekend.", a);
        Agreement lease = campuses.approve(campuses.request(new Campuses.AgreementInput(antwerpen, Agreement.Model.LEASE, werkkracht.id(),
                werkkracht.name(), "boekhouding@werkkracht.example", "BE0412345614", null, since, since.plusYears(9).minusDays(1),
                new BigDecimal("1850.00"), new BigDecimal("240.00"), true, new BigDecimal("0.10"), null, null, List.of(spaceIds.get("antwerpen/2.10")),
                "3-6-9"), a).id(), "Huurcontract 3-6-9.", a);
        LocalDate yearStart = today.withDayOfMonth(1);
        Agreement market = campuses.approve(campuses.request(new Campuses.AgreementInput(gent, Agreement.Model.USE, null, "Opleidingsbureau Nova BV",
                "planning@nova.example", "BE0700123432", 1, yearStart, yearStart.plusMonths(11), null, null, true, null, null, null, List.of(), null),
                a).id(), null, a);
        Agreement cost = campuses.approve(campuses.request(new Campuses.AgreementInput(gent, Agreement.Model.USE, null, "Agentschap Opgroeien",
                "zaalhuur@opgroeien.example", "BE0316794377", 2, yearStart, yearStart.plusMonths(11), null, null, true, null, null, null, List.of(), null),
                a).id(), null, a);
        Agreement cooperation = campuses.approve(campuses.request(new Campuses.AgreementInput(gent, Agreement.Model.USE, taalbrug.id(), taalbrug.name(),
                "info@taalbrug.example", "BE0455111231", 3, yearStart, yearStart.plusMonths(11), null, null, true, null, null, new BigDecimal("120.00"),
                List.of(), null), a).id(), null, a);
        // a request that waits for the manager
        campuses.request(new Campuses.AgreementInput(gent, Agreement.Model.USE, null, "Vzw Buurtwerk De Brug", "info@debrug.example", null, 2,
                today.plusDays(10), today.plusMonths(6), null, null, true, null, null, null, List.of(), null), a);

        // twelve weeks of the employment service's own planning and the partners' use, in one batch
        String[] pesPurposes = {"Workshop solliciteren", "Infosessie opleidingen", "Jobbeurs logistiek", "Taalcafé", "Groepsintake",
                "Workshop digitale vaardigheden", "Matchingsmoment werkgevers", "TechTalk"};
        double[] weekday = {0.55, 0.75, 0.65, 0.75, 0.40};
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.of(today.minusWeeks(9).atTime(9, 0), java.time.ZoneOffset.ofHours(1));
        LocalDate from = today.minusWeeks(8).with(DayOfWeek.MONDAY);
        LocalDate until = today.plusWeeks(4);
        for (int ci = 0; ci < CAMPUSES.size(); ci++) {
            CampusSeed c = CAMPUSES.get(ci);
            for (Campuses.Space s : campuses.spaces(campusIds.get(ci))) {
                if (!s.bookable()) {
                    continue;
                }
                for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
                    int w = d.getDayOfWeek().getValue();
                    if (w > 5) {
                        continue;
                    }
                    double ahead = d.isAfter(today) ? Math.max(0.35, 1 - 0.12 * ((d.toEpochDay() - today.toEpochDay()) / 7.0)) : 1;
                    double p = weekday[w - 1] * ahead * (s.kind() == SpaceKind.OFFICE ? 1.1 : s.kind() == SpaceKind.EVENT_HALL ? 0.5 : 1);
                    boolean dedicated = !s.shared();
                    if (r.nextDouble() < 0.08 * ahead && !dedicated) {
                        rows.add(row(s, d, DayPart.DAY, "PES", null, null, "demo-pes", pesPurposes[r.nextInt(pesPurposes.length)], at, BigDecimal.ZERO, "PES"));
                        continue;
                    }
                    for (DayPart part : List.of(DayPart.MORNING, DayPart.AFTERNOON)) {
                        if (r.nextDouble() >= p) {
                            continue;
                        }
                        if (dedicated) {
                            Agreement holder = c.code().equals("gent") ? partnership : lease;
                            rows.add(row(s, d, part, "PARTNER", holder.id(), holder.holderOrg(), holder.model() == Agreement.Model.LEASE ? "demo-werkkracht"
                                    : "partner", "Individueel gesprek", at, BigDecimal.ZERO, holder.model() == Agreement.Model.LEASE ? "LEASE" : "PARTNERSHIP-DEDICATED"));
                        } else if (c.code().equals("gent") && r.nextDouble() < 0.2 && s.kind() != SpaceKind.EVENT_HALL) {
                            int units = 1;
                            int wd = Tariffs.workingDays(YearMonth.from(d));
                            BigDecimal price = Tariffs.sharedUse(s.areaM2(), new BigDecimal("14.50"), partnership.sharedKey(), units, wd).amount();
                            rows.add(row(s, d, part, "PARTNER", partnership.id(), trajectum.id(), "partner", "Groepssessie jobcoaching", at, price,
                                    "PARTNERSHIP-SHARED " + s.areaM2().stripTrailingZeros().toPlainString() + "m2 x 14.50 x 0.2 x 1/" + (2 * wd)));
                        } else if (c.code().equals("antwerpen") && r.nextDouble() < 0.15) {
                            rows.add(row(s, d, part, "PARTNER", lease.id(), werkkracht.id(), "demo-werkkracht", "Opleiding heftruck (theorie)", at,
                                    BigDecimal.ZERO, "LEASE"));
                        } else {
                            rows.add(row(s, d, part, "PES", null, null, "demo-pes", pesPurposes[r.nextInt(pesPurposes.length)], at, BigDecimal.ZERO, "PES"));
                        }
                    }
                    if (r.nextDouble() < 0.06 && !dedicated) {
                        rows.add(row(s, d, DayPart.EVENING, "PES", null, null, "demo-pes", "TechTalk", at, BigDecimal.ZERO, "PES"));
                    }
                }
            }
        }
        template.batchUpdate("""
                insert into cp_booking (id, space_id, on_date, day_part, during, booker_kind, agreement_id, organisation_id, booked_by, purpose,
                  attendees, status, price, tariff, created_at, decided_by)
                values (?,?,?,?, tsrange(?, ?, '[)'),?,?,?,?,?,?,'CONFIRMED',?,?,?,'demo') on conflict do nothing""", rows);
        // through the service: use-agreement bookings (priced by the rules), two waiting for approval, and a weekly series
        CurrentUser manager = users.find("campus").orElse(a);
        int made = 0;
        for (int k = 0; k < 6; k++) {
            Agreement ag = k % 3 == 0 ? market : k % 3 == 1 ? cost : cooperation;
            LocalDate d = today.plusDays(3 + 3L * k);
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            UUID space = spaceIds.get(k % 2 == 0 ? "gent/2.03" : "gent/1.04");
            // only a free evening (a refusal inside the demo's transaction would roll all of it back)
            if (bookings.free(space, d, DayPart.EVENING)) {
                bookings.book(new Bookings.BookingRequest(space, d, DayPart.EVENING, ag.id(), k % 3 == 0 ? "Opleiding klantvriendelijkheid"
                        : k % 3 == 1 ? "Oudercafé" : "Conversatietafel Nederlands", 10, "demo-use-" + k), manager);
                made++;
            }
        }
        Optional<CurrentUser> partnerUser = users.find("partner");
        if (partnerUser.isPresent()) {
            // a term of Tuesday mornings in a classroom, booked without the dates already taken
            bookings.bookSeries(new Bookings.SeriesRequest(spaceIds.get("gent/1.03"), DayOfWeek.TUESDAY, DayPart.MORNING, today.plusDays(1),
                    today.plusWeeks(10), partnership.id(), "Groepstraject solliciteren (reeks)", 12), true, "demo-series", partnerUser.get());
        }
        // two requests under the type-1 agreement that wait for the manager (sent by the user's planner, priced by the rules)
        for (int k = 0; k < 2; k++) {
            LocalDate d = today.plusDays(15 + 7L * k);
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            Campuses.Space room = campuses.space(spaceIds.get("gent/2.02")).orElseThrow();
            BigDecimal rate = policies.dayRate(room.kind(), 1, d);
            DayPart part = k == 0 ? DayPart.MORNING : DayPart.DAY;
            BigDecimal price = Tariffs.useFee(rate, part, policies.dayPartShare(d)).amount();
            Object[] req = row(room, d, part, "EXTERNAL", market.id(), null, "planning.nova", k == 0 ? "Sollicitatietraining" : "Teamdag klanten",
                    at, price, "USE-1 " + room.kind() + " " + rate.toPlainString() + " x " + Tariffs.dayFraction(part, policies.dayPartShare(d))
                            .stripTrailingZeros().toPlainString());
            jdbc.sql("""
                    insert into cp_booking (id, space_id, on_date, day_part, during, booker_kind, agreement_id, organisation_id, booked_by, purpose,
                      attendees, status, price, tariff, created_at) values (?,?,?,?, tsrange(?, ?, '[)'),?,?,?,?,?,?,'REQUESTED',?,?,?)
                    on conflict do nothing""").params(req).update();
        }
        // the public agenda: four activities per campus in the coming weeks, one of them full with a waiting list
        String[][] agenda = {
                {"JOB_FAIR", "Jobbeurs logistiek en transport", "Salon de l'emploi logistique et transport", "Job fair logistics and transport", "120", "0.02"},
                {"TECHTALK", "TechTalk: werken met AI op de werkvloer", "TechTalk : travailler avec l'IA", "TechTalk: working with AI at work", "20", "1.04"},
                {"WORKSHOP", "Workshop: je cv in een uur", "Atelier : votre CV en une heure", "Workshop: your CV in an hour", "4", ""},
                {"OPEN_LEARNING", "Open leercentrum: vrij oefenen", "Centre d'apprentissage ouvert : exercice libre", "Open learning centre: practise freely", "40", ""}};
        int ev = 0;
        for (int ci = 0; ci < CAMPUSES.size(); ci++) {
            UUID campus = campusIds.get(ci);
            childcare.createGroups(campus, 18);
            for (int k = 0; k < agenda.length; k++) {
                String[] e = agenda[k];
                LocalDate d = today.plusDays(6 + 5L * k + ci);
                while (d.getDayOfWeek().getValue() > 5) {
                    d = d.plusDays(1);
                }
                java.time.LocalTime fromTime = e[0].equals("TECHTALK") ? java.time.LocalTime.of(19, 0) : java.time.LocalTime.of(13, 30);
                UUID room = e[5].isEmpty() ? null : spaceIds.get(CAMPUSES.get(ci).code() + "/" + e[5]);
                CampusEvents.EventInput in = new CampusEvents.EventInput(CampusEvents.Kind.valueOf(e[0]), e[1], e[2], e[3],
                        "Gratis, voor iedereen die werk zoekt of wil veranderen.", "Gratuit, pour toute personne qui cherche un emploi ou veut changer.",
                        "Free, for anyone looking for work or a change.", d, fromTime, fromTime.plusHours(e[0].equals("JOB_FAIR") ? 3 : 2),
                        Integer.parseInt(e[4]), room);
                // the room when it is free for every part of the day the event touches (an exception here would spoil the
                // demo's transaction), else the event without a room
                boolean roomFree = room != null;
                for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING)) {
                    if (roomFree && in.from().isBefore(p.end()) && p.start().isBefore(in.until())) {
                        roomFree = bookings.free(room, d, p);
                    }
                }
                CampusEvents.Event created = events.create(campus, roomFree ? in : new CampusEvents.EventInput(in.kind(), in.titleNl(), in.titleFr(),
                        in.titleEn(), in.summaryNl(), in.summaryFr(), in.summaryEn(), in.on(), in.from(), in.until(), in.capacity(), null), a);
                int registrants = e[0].equals("WORKSHOP") ? 7 : Math.min(Integer.parseInt(e[4]) / 2, 15);
                for (int n = 0; n < registrants; n++) {
                    events.register(created.id(), "Bezoeker " + (++ev), "bezoeker" + ev + "@voorbeeld.be", n % 3 == 0 ? "fr" : "nl");
                }
            }
        }
        // the childcare of Gent: both groups nearly full, and a waiting list
        String[] kids = {"Lina", "Noah", "Mila", "Adam", "Ella", "Finn", "Zoë", "Amir", "Lou", "Jules"};
        CampusChildcare.Category[] categories = CampusChildcare.Category.values();
        for (int n = 0; n < 40; n++) {
            childcare.request(gent, new CampusChildcare.RequestInput(kids[n % kids.length] + " " + (char) ('A' + n % 26) + ".",
                    today.minusMonths(6 + r.nextInt(36)), "Ouder " + (n + 1), null, categories[n % 3 == 2 ? 2 : n % 2], today.plusDays(r.nextInt(30))), a);
        }
        // everything before this month was invoiced before the platform (the demo's first run invoices this month only)
        UUID legacy = UUID.nameUUIDFromBytes("campus-before-platform".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LocalDate monthStart = today.withDayOfMonth(1);
        jdbc.sql("insert into cp_invoice_run (id, run_key, until_date, created_by, created_at) values (?, 'before-platform', ?, 'demo', ?)")
                .params(legacy, monthStart.minusDays(1), at).update();
        jdbc.sql("""
                insert into cp_invoiced_month (agreement_id, month, run_id)
                select a.id, m::date, ? from cp_agreement a
                  cross join generate_series(date_trunc('month', a.valid_from), date_trunc('month', ?::date), interval '1 month') m
                where a.model in ('PARTNERSHIP', 'LEASE') and a.status = 'ACTIVE'""").params(legacy, monthStart.minusMonths(1)).update();
        jdbc.sql("update cp_booking set invoice_run_id = ? where on_date < ? and price > 0 and status = 'CONFIRMED'").params(legacy, monthStart).update();
        log.info("Campus demo loaded: {} campuses, {} bookings ({} through the rules) in {} ms", CAMPUSES.size(), rows.size(), made,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static Object[] row(Campuses.Space s, LocalDate d, DayPart part, String kind, UUID agreement, UUID org, String by, String purpose,
                                OffsetDateTime at, BigDecimal price, String tariff) {
        return new Object[] {UUID.randomUUID(), s.id(), d, part.name(), Timestamp.valueOf(part.startOn(d)), Timestamp.valueOf(part.endOn(d)), kind,
                agreement, org, by, purpose, Math.max(1, s.capacity() / 2), price, tariff, at};
    }
}
