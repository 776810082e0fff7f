package be.werkregie.vouchers;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonDirectory;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheme's history for the demo, after the population is loaded: profiles, mandates, sites and coaches for the
 * career centres, and vouchers with sessions since July 2013 for working people (about 1.4 vouchers per user, 41%
 * take a second one, e-coaching rises from 2020). Deterministic for the demo seed; scale 1 gives ~219,000 vouchers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
class VoucherDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VoucherDemoData.class);
    private static final String[] PROFILES = {
            "Wij begeleiden werkenden die twijfelen over hun job. Samen zoeken we wat jou energie geeft.",
            "Vastgelopen na een burn-out? We werken rustig en oplossingsgericht aan werkbaar werk.",
            "Talententesten en een sterk loopbaanverhaal helpen je kiezen voor een nieuwe richting.",
            "Voor zelfstandigen en ondernemers die hun zaak willen heroriënteren.",
            "We begeleiden 50-plussers die hun loopbaan anders willen invullen.",
            "Job crafting: je huidige job beter laten passen bij wie je bent.",
            "Begeleiding in het Nederlands, Frans en Engels, ook online via videogesprek."};
    private static final String[] COACH_FIRST = {"An", "Bart", "Els", "Koen", "Sofie", "Tom", "Lien", "Pieter", "Hanne", "Jan",
            "Griet", "Wout", "Leen", "Dirk", "Nora", "Samir"};
    private static final String[] EMPLOYER_KIND = {"Bouwgroep", "Zorgnet", "Transport", "Bakkerij", "Garage", "Studiebureau",
            "Schoonmaak", "Drukkerij", "Logistiek", "Apotheek", "Kinderopvang", "Metaal", "Tuinaanleg", "IT-diensten", "Hotel"};
    private static final String[] COACH_LAST = {"Peeters", "Maes", "Claes", "Wouters", "Aerts", "Smets", "Segers", "Coppens",
            "Lemmens", "Jacobs", "Willems", "El Idrissi"};

    private final be.werkregie.platform.StartupTasks startupTasks;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organisations organisations;
    private final Municipalities municipalities;
    private final PersonDirectory people;
    private final Users users;
    private final Payments payments;
    private final Misuse misuse;
    private final VoucherSettings settings;
    private final List<String> employers = new ArrayList<>();
    private final Clock clock;
    private final double scale;
    private final long seed;

    private final be.werkregie.platform.DemoDate demoDate;

    private final be.werkregie.policy.Policies policies;

    VoucherDemoData(be.werkregie.policy.Policies policies, be.werkregie.platform.DemoDate demoDate, JdbcClient jdbc, JdbcTemplate template, Organisations organisations, Municipalities municipalities,
                    PersonDirectory people, Users users, Payments payments, Misuse misuse, VoucherSettings settings, Clock clock,
                    @Value("${werkregie.demo.scale:0.02}") double scale, @Value("${werkregie.demo.seed:2027}") long seed,
                     be.werkregie.platform.StartupTasks startupTasks) {
        this.startupTasks = startupTasks;
        this.policies = policies;
        this.demoDate = demoDate;
        this.jdbc = jdbc;
        this.template = template;
        this.organisations = organisations;
        this.municipalities = municipalities;
        this.people = people;
        this.users = users;
        this.payments = payments;
        this.misuse = misuse;
        this.settings = settings;
        this.clock = clock;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        // side by side with the other modules' histories; the application is ready when all have loaded
        startupTasks.inBackground("voucher-demo", this::load);
    }

    private void load() {
        if (jdbc.sql("select count(*) from vc_mandate").query(Long.class).single() > 0
                || organisations.ofKind(OrganisationKind.CAREER_CENTRE).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(seed + 2);
        Random contact = new Random(seed + 7); // its own stream: adding contact details left the rest of the demo as it was
        LocalDate today = demoDate.today();
        List<Municipality> all = municipalities.all();
        List<UUID> centres = organisations.ofKind(OrganisationKind.CAREER_CENTRE).stream().map(o -> o.id()).toList();
        List<UUID> coachPool = new ArrayList<>();
        int sitesTotal = 0;
        // sites per centre: many small centres and a few with dozens of sites, scaled so that the total is the real
        // ~3,776 at scale 1 (at least ~1.45 per centre at small scales)
        int[] siteCounts = new int[centres.size()];
        {
            Random siteRandom = new Random(seed + 13);
            double[] weight = new double[centres.size()];
            double sum = 0;
            for (int c = 0; c < weight.length; c++) {
                weight[c] = Math.pow(siteRandom.nextDouble(), 3);
                sum += weight[c];
            }
            int target = Math.max((int) Math.round(3_776 * scale), (int) Math.round(centres.size() * 1.45));
            for (int c = 0; c < weight.length; c++) {
                siteCounts[c] = 1 + (int) Math.round((target - weight.length) * weight[c] / sum);
            }
        }
        for (int c = 0; c < centres.size(); c++) {
            UUID id = centres.get(c);
            boolean vat = random.nextInt(10) < 8;
            List<String> langs = new ArrayList<>(List.of("nl"));
            if (random.nextInt(3) == 0) {
                langs.add("fr");
            }
            if (random.nextInt(2) == 0) {
                langs.add("en");
            }
            List<String> groups = pick(CareerCentres.TARGET_GROUPS, 1 + random.nextInt(3), random);
            List<String> methods = pick(CareerCentres.METHODOLOGIES, 2 + random.nextInt(3), random);
            jdbc.sql("""
                    insert into vc_centre (organisation_id, enterprise_number, vat_liable, languages, e_coaching, target_groups,
                      methodologies, profile, website, stimulus_opt_in, passive) values (?,?,?,?::text[],?,?::text[],?::text[],?,?,?,?)""")
                    .params(id, EnterpriseNumber.generate(40_000_000L + c * 7919L), vat, langs.toArray(String[]::new),
                            c % 3 != 2, groups.toArray(String[]::new), methods.toArray(String[]::new),
                            PROFILES[c % PROFILES.length] + " " + PROFILES[(c + 3) % PROFILES.length], "https://centrum" + c + ".example",
                            c % 4 == 0, c % 23 == 22) // 12 of 277 centres are not active
                    .update();
            // mandates started in the five years before the demo date: every one is still valid on it
            LocalDate validFrom = demoDate.today().minusYears(5).plusDays(random.nextInt(1500));
            jdbc.sql("""
                    insert into vc_mandate (id, organisation_id, enterprise_number, status, quality_certificate, experience_years,
                      vision, coach_follow_up, stimulus_opt_in, applied_on, decided_on, decided_by, valid_from, valid_until)
                    select ?, organisation_id, enterprise_number, 'APPROVED', 'ISO 9001 / NOBCO', ?, 'Onze visie op loopbaanbegeleiding.',
                      'Intervisie elke maand en jaarlijkse bijscholing.', stimulus_opt_in, ?, ?, 'demo', ?, ?
                    from vc_centre where organisation_id = ?""")
                    .params(UUID.randomUUID(), 3 + random.nextInt(15), validFrom.minusMonths(2), validFrom.minusDays(10), validFrom,
                            validFrom.plusYears(6).minusDays(1), id)
                    .update();
            int sites = siteCounts[c];
            for (int s = 0; s < sites; s++) {
                Municipality m = all.get(random.nextInt(all.size()));
                // contact details as centres fill them in: a zonal number, a site mailbox, office hours with a late
                // evening or a Saturday morning at some sites
                String phone = String.format("0%d %03d %02d %02d", 2 + contact.nextInt(8), contact.nextInt(1000),
                        contact.nextInt(100), contact.nextInt(100));
                String hours = "1 09:00-17:00;2 09:00-17:00;3 09:00-" + (contact.nextInt(3) == 0 ? "20:00" : "17:00")
                        + ";4 09:00-17:00;5 09:00-16:00" + (contact.nextInt(4) == 0 ? ";6 09:00-12:00" : "");
                jdbc.sql("""
                        insert into vc_site (id, organisation_id, name, street, municipality_nis, latitude, longitude, head_office,
                          wheelchair_access, phone, email, opening_hours)
                        values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                        .params(UUID.randomUUID(), id, s == 0 ? "Hoofdzetel" : "Vestiging " + m.nameNl(),
                                "Marktplein " + (1 + random.nextInt(80)), m.nis(), m.lat() + (random.nextDouble() - 0.5) * 0.01,
                                m.lon() + (random.nextDouble() - 0.5) * 0.01, s == 0, random.nextInt(5) > 0, phone,
                                "info" + (s == 0 ? "" : "." + m.nis()) + "@centre-" + (c + 1) + ".example", hours)
                        .update();
                sitesTotal++;
            }
            int coaches = 3 + random.nextInt(15); // about 2,400 distinct coaches at scale 1 (some subcontractors are shared)
            for (int k = 0; k < coaches; k++) {
                UUID coach;
                String kind = k == 0 ? "MANAGER" : random.nextInt(4) == 0 ? "SUBCONTRACTOR" : "EMPLOYEE";
                if (kind.equals("SUBCONTRACTOR") && !coachPool.isEmpty() && random.nextBoolean()) {
                    coach = coachPool.get(random.nextInt(coachPool.size())); // works for several centres
                } else {
                    coach = UUID.randomUUID();
                    String name = COACH_FIRST[random.nextInt(COACH_FIRST.length)] + " " + COACH_LAST[random.nextInt(COACH_LAST.length)];
                    jdbc.sql("insert into vc_coach (id, name, profile, languages, e_coaching, owner_organisation_id) values (?,?,?,?::text[],?,?)")
                            .params(coach, name, "Loopbaancoach met " + (3 + random.nextInt(20)) + " jaar ervaring. "
                                    + PROFILES[random.nextInt(PROFILES.length)], langs.toArray(String[]::new), random.nextBoolean(), id)
                            .update();
                    if (kind.equals("SUBCONTRACTOR")) {
                        coachPool.add(coach);
                    }
                }
                jdbc.sql("""
                        insert into vc_coach_centre (coach_id, organisation_id, kind, accepted_at, requested_by) values (?,?,?,?,'demo')
                        on conflict do nothing""").params(coach, id, kind, java.sql.Timestamp.valueOf(today.minusYears(3).atStartOfDay())).update();
            }
        }
        List<UUID> coachIds = jdbc.sql("select coach_id from vc_coach_centre order by organisation_id, coach_id").query(UUID.class).list();
        // the scheme's users were working when they asked; working people first, then the rest of the population
        List<UUID> workers = jdbc.sql("""
                select id from people_v_person where persona is null
                order by case when status in ('WORKER','SELF_EMPLOYED') then 0 else 1 end, id""")
                .query(UUID.class).list();
        int userCount = (int) Math.min(workers.size(), Math.round(155_000 * scale));
        // employers: many small ones, so that a cluster at one centre is rare unless it is planted
        for (int e = 0; e < Math.max(200, userCount / 3); e++) {
            employers.add(EMPLOYER_KIND[e % EMPLOYER_KIND.length] + " " + COACH_LAST[(e / EMPLOYER_KIND.length) % COACH_LAST.length]
                    + (e >= EMPLOYER_KIND.length * COACH_LAST.length ? " " + (e / (EMPLOYER_KIND.length * COACH_LAST.length) + 1) : "")
                    + " BV");
        }
        List<Object[]> voucherRows = new ArrayList<>();
        List<Object[]> sessionRows = new ArrayList<>();
        List<Object[]> surveyRows = new ArrayList<>();
        LocalDate first = LocalDate.of(2013, 7, 1);
        long days = ChronoUnit.DAYS.between(first, today.minusDays(20));
        for (int u = 0; u < userCount; u++) {
            UUID person = workers.get(u);
            LocalDate requested = first.plusDays(random.nextInt((int) days));
            int count = random.nextInt(100) < 41 ? 2 : 1;
            for (int n = 1; n <= count; n++) {
                if (requested.isAfter(today.minusDays(1))) {
                    break;
                }
                addVoucher(random, person, requested, requested.minusDays(n == 1 ? 0 : 1), n, centres, coachIds, today,
                        voucherRows, sessionRows, surveyRows);
                requested = requested.plusDays(30 + random.nextInt(400));
            }
        }
        template.batchUpdate("""
                insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                  rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, themes, career_question,
                  agreement_present, attendance_present, pop_present, synthesis_on, aftercare_on, employer_name, sector)
                values (?,?,?,?,?,?,?,?,?,40.00,?,?,?,?,?::text[],?,?,?,?,?,?,?,?)""", voucherRows);
        template.batchUpdate("""
                insert into vc_session (id, voucher_id, centre_id, coach_id, session_date, start_time, half_hours, mode,
                  idempotency_key, registered_by) values (?,?,?,?,?,?,?,?,?,'demo')""", sessionRows);
        template.batchUpdate("""
                insert into vc_survey (voucher_id, scores, question_answered, what_was_good, submitted_on)
                values (?,?::int[],?,?,?)""", surveyRows);
        personaStories(centres, coachIds, today);
        suspiciousCentre(centres, workers.subList(Math.min(userCount, workers.size() - 8), workers.size()), today);
        // the demo writes sessions directly: bring the vouchers' counters in line
        jdbc.sql("""
                update vc_voucher v set used_half_hours = s.total
                from (select voucher_id, sum(half_hours) total from vc_session group by voucher_id) s
                where s.voucher_id = v.id and v.used_half_hours <> s.total""").update();
        users.find("admin").ifPresent(admin -> payments.run(today.minusDays(today.getDayOfMonth()), "demo-history", admin));
        misuse.detect();
        log.info("Voucher history loaded: {} centres, {} sites, {} vouchers, {} sessions in {} ms", centres.size(), sitesTotal,
                voucherRows.size(), sessionRows.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private void addVoucher(Random random, UUID person, LocalDate requested, LocalDate packageStart, int number,
                            List<UUID> centres, List<UUID> coaches, LocalDate today, List<Object[]> vouchers,
                            List<Object[]> sessions, List<Object[]> surveys) {
        VoucherSettings.Rules rules = VoucherPolicies.rulesOn(policies, requested);
        int hours = number == 1 ? rules.firstVoucherHours() : rules.secondVoucherHours();
        UUID id = UUID.randomUUID();
        UUID centre = centres.get(Math.min(centres.size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 1.8) * centres.size())));
        boolean lapses = random.nextInt(100) < 6;
        LocalDate validUntil = requested.plusWeeks(settings.validityWeeks());
        LocalDate takenOver = lapses ? null : requested.plusDays(3 + random.nextInt(60));
        String status;
        if (lapses) {
            status = validUntil.isBefore(today) ? "LAPSED" : "ISSUED";
        } else if (takenOver.isAfter(today)) {
            takenOver = null;
            status = "ISSUED";
        } else {
            status = "IN_GUIDANCE";
        }
        LocalDate synthesis = null;
        int used = 0;
        if (takenOver != null) {
            LocalDate d = takenOver;
            boolean eCoaching = requested.getYear() >= 2020 && random.nextInt(100) < (requested.getYear() >= 2021 ? 35 : 20);
            while (used < hours * 2) {
                d = weekday(d.plusDays(7 + random.nextInt(21)));
                if (d.isAfter(today)) {
                    break;
                }
                int hh = Math.min(hours * 2 - used, 2 + random.nextInt(2));
                sessions.add(new Object[] {UUID.randomUUID(), id, centre, coaches.get(random.nextInt(coaches.size())), Date.valueOf(d),
                        java.sql.Time.valueOf(LocalTime.of(9 + random.nextInt(9), random.nextBoolean() ? 0 : 30)), hh,
                        eCoaching && random.nextBoolean() ? "E_COACHING" : "FACE_TO_FACE", "demo:" + UUID.randomUUID()});
                used += hh;
            }
            if (used == hours * 2) {
                synthesis = d;
                status = "CLOSED";
            }
        }
        List<String> themes = pick(Vouchers.THEMES, 1 + random.nextInt(3) + (random.nextInt(3) == 0 ? 1 : 0), random);
        vouchers.add(new Object[] {id, String.format("LC%d-D%07d", requested.getYear(), vouchers.size() + 1),
                person, Date.valueOf(packageStart), number, Date.valueOf(requested), Date.valueOf(validUntil), hours,
                Date.valueOf(rules.effectiveFrom()), java.sql.Timestamp.valueOf(requested.atTime(10, 0)), status,
                takenOver == null ? null : centre, takenOver == null ? null : Date.valueOf(takenOver),
                takenOver == null ? new String[0] : themes.toArray(String[]::new),
                takenOver == null ? null : "Ik wil weten welke richting ik uit wil.", takenOver != null, takenOver != null,
                synthesis != null, synthesis == null ? null : Date.valueOf(synthesis), null,
                random.nextInt(100) < 60 ? employers.get(random.nextInt(employers.size())) : null, null});
        if (synthesis != null && random.nextInt(100) < 40) {
            Integer[] scores = new Integer[Quality.STATEMENTS];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = Math.max(0, Math.min(10, 7 + random.nextInt(4) - (random.nextInt(10) == 0 ? 4 : 0)));
            }
            surveys.add(new Object[] {id, scores, random.nextInt(100) < 88, "Goed geluisterd.", Date.valueOf(synthesis.plusDays(3))});
        }
    }

    /** Nina finished a voucher at the demo coach's centre (she can answer the survey); Anja is in guidance there. */
    private void personaStories(List<UUID> centres, List<UUID> coaches, LocalDate today) {
        UUID centre = users.find("coach").map(u -> u.organisationId()).filter(centres::contains).orElse(centres.get(0));
        UUID coach = jdbc.sql("select coach_id from vc_coach_centre where organisation_id = ? order by kind limit 1").param(centre)
                .query(UUID.class).single();
        people.idOfPersona("nina").ifPresent(nina -> {
            UUID id = UUID.randomUUID();
            LocalDate requested = today.minusMonths(5);
            template.update("""
                    insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                      rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, themes, career_question,
                      agreement_present, attendance_present, pop_present, synthesis_on)
                    values (?,'LC-DEMO-NINA1',?,?,1,?,?,4,'2020-01-01',40.00,?,'CLOSED',?,?,'{WORKABLE_WORK,MEANING}',
                      'Ik wil werk dat ik langer volhoud.',true,true,true,?)""",
                    id, nina, Date.valueOf(requested), Date.valueOf(requested), Date.valueOf(requested.plusWeeks(12)), java.sql.Timestamp.valueOf(requested.atTime(10, 0)), centre,
                    Date.valueOf(requested.plusDays(10)), Date.valueOf(requested.plusDays(80)));
            for (int i = 0; i < 4; i++) {
                template.update("""
                        insert into vc_session (id, voucher_id, centre_id, coach_id, session_date, half_hours, mode, idempotency_key,
                          registered_by) values (?,?,?,?,?,2,'FACE_TO_FACE',?,'demo')""",
                        UUID.randomUUID(), id, centre, coach, Date.valueOf(weekday(requested.plusDays(20 + i * 20))), "demo:nina:" + i);
            }
        });
        people.idOfPersona("anja").ifPresent(anja -> {
            UUID id = UUID.randomUUID();
            LocalDate requested = today.minusWeeks(3);
            template.update("""
                    insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                      rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, agreement_present)
                    values (?,'LC-DEMO-ANJA1',?,?,1,?,?,4,'2020-01-01',40.00,?,'IN_GUIDANCE',?,?,true)""",
                    id, anja, Date.valueOf(requested), Date.valueOf(requested), Date.valueOf(requested.plusWeeks(12)), java.sql.Timestamp.valueOf(requested.atTime(10, 0)), centre,
                    Date.valueOf(requested.plusDays(5)));
            template.update("""
                    insert into vc_session (id, voucher_id, centre_id, coach_id, session_date, half_hours, mode, idempotency_key,
                      registered_by) values (?,?,?,?,?,3,'E_COACHING','demo:anja:0','demo')""",
                    UUID.randomUUID(), id, centre, coach, Date.valueOf(weekday(requested.plusDays(12))));
        });
    }

    /**
     * One centre shows what the misuse detection looks for: seven vouchers of one employer's staff taken over in a few
     * weeks, sessions late in the evening, and three clients with the same POP.
     */
    private void suspiciousCentre(List<UUID> centres, List<UUID> persons, LocalDate today) {
        if (centres.size() < 3 || persons.size() < 7) {
            return;
        }
        UUID coachCentre = users.find("coach").map(u -> u.organisationId()).orElse(null);
        UUID centre = centres.get(centres.size() - 1).equals(coachCentre) ? centres.get(centres.size() - 2) : centres.get(centres.size() - 1);
        UUID coach = jdbc.sql("select coach_id from vc_coach_centre where organisation_id = ? order by coach_id limit 1").param(centre)
                .query(UUID.class).single();
        String pop = "Mijn doel: een job met meer afwisseling. Actie 1: cv aanpassen. Actie 2: drie vacatures zoeken per week.";
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            LocalDate requested = today.minusDays(120 - i * 4);
            template.update("""
                    insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                      rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, agreement_present,
                      attendance_present, pop_present, pop_text, pop_hash, employer_name)
                    values (?,?,?,?,1,?,?,3,'2020-01-01',40.00,?,'IN_GUIDANCE',?,?,true,true,?,?,?,'Transport Vermeulen NV')""",
                    id, "LC-DEMO-TV" + (i + 1), persons.get(i), Date.valueOf(requested), Date.valueOf(requested),
                    Date.valueOf(requested.plusWeeks(12)), java.sql.Timestamp.valueOf(requested.atTime(10, 0)), centre, Date.valueOf(requested.plusDays(2)), i < 3,
                    i < 3 ? pop : null, i < 3 ? Vouchers.popHash(pop) : null);
            template.update("""
                    insert into vc_session (id, voucher_id, centre_id, coach_id, session_date, start_time, half_hours, mode,
                      idempotency_key, registered_by) values (?,?,?,?,?,?,2,'FACE_TO_FACE',?,'demo')""",
                    UUID.randomUUID(), id, centre, coach, Date.valueOf(weekday(requested.plusDays(9))),
                    java.sql.Time.valueOf(i < 4 ? LocalTime.of(22, 30) : LocalTime.of(10, 0)), "demo:tv:" + i);
        }
    }

    /** Centres do not work on Sundays: a generated session that would fall on one moves to the Monday. */
    private static LocalDate weekday(LocalDate d) {
        return d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static List<String> pick(List<String> from, int n, Random random) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }
}
