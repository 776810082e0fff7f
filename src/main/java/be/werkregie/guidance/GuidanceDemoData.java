package be.werkregie.guidance;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonDirectory;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Guidance demo: concessions and Open House admissions for the partners, their sites and capacity, a history of
 * trajectories since 2027 for the KPIs and outflow figures, clients in the assessment phase (one near the 3-month
 * limit, one over it), clients waiting for the assignment, stops to acknowledge, and the personas' stories: Mira waits
 * for her choice; the demo partner guides Bernard and had a client who found work.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 50)
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
class GuidanceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GuidanceDemoData.class);

    private final be.werkregie.platform.StartupTasks startupTasks;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organisations organisations;
    private final Municipalities municipalities;
    private final PersonDirectory people;
    private final Users users;
    private final Clock clock;
    private final GuidanceSettings settings;
    private final be.werkregie.chance.KowGroups kow;
    private final double scale;
    private final long seed;

    private final be.werkregie.platform.DemoDate demoDate;

    private final be.werkregie.employment.EmploymentRecords records;

    private final ResultVerification verification;

    GuidanceDemoData(ResultVerification verification, be.werkregie.employment.EmploymentRecords records, be.werkregie.platform.DemoDate demoDate, JdbcClient jdbc, JdbcTemplate template, Organisations organisations, Municipalities municipalities,
                     PersonDirectory people, Users users, Clock clock, GuidanceSettings settings, be.werkregie.chance.KowGroups kow, @Value("${werkregie.demo.scale:0.02}") double scale,
                     @Value("${werkregie.demo.seed:2027}") long seed,
                     be.werkregie.platform.StartupTasks startupTasks,
                     org.springframework.beans.factory.ObjectProvider<Trajectories> trajectories) {
        this.trajectories = trajectories;
        this.startupTasks = startupTasks;
        this.verification = verification;
        this.records = records;
        this.demoDate = demoDate;
        this.jdbc = jdbc;
        this.template = template;
        this.organisations = organisations;
        this.municipalities = municipalities;
        this.people = people;
        this.users = users;
        this.clock = clock;
        this.settings = settings;
        this.kow = kow;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        // side by side with the other modules' histories; the application is ready when all have loaded
        startupTasks.inBackground("guidance-demo", this::load);
    }

    private void load() {
        if (jdbc.sql("select count(*) from gd_contract").query(Long.class).single() > 0
                || organisations.ofKind(OrganisationKind.PARTNER).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(seed + 4);
        Random contact = new Random(seed + 8); // its own stream: adding site contacts left the rest of the demo as it was
        LocalDate today = demoDate.today();
        // concessions start on 1 January 2027; a demo dated long after that keeps them within their 5-year term
        LocalDate policyStart = LocalDate.of(2027, 1, 1);
        LocalDate concessionStart = policyStart.isAfter(today) ? today.minusMonths(18)
                : policyStart.isBefore(today.minusYears(3)) ? today.minusYears(3) : policyStart;
        List<Municipality> all = municipalities.all();
        List<UUID> partners = organisations.ofKind(OrganisationKind.PARTNER).stream()
                .sorted(java.util.Comparator.comparing(be.werkregie.identity.Organisation::name)).map(o -> o.id()).toList();
        UUID demoPartner = users.find("partner").map(u -> u.organisationId()).orElse(partners.get(0));
        List<UUID> basicSites = new ArrayList<>();
        List<UUID> sitesOfDemoPartner = new ArrayList<>();
        int p = 0;
        for (UUID partner : partners) {
            String name = organisations.find(partner).orElseThrow().name();
            boolean specialised = !partner.equals(demoPartner) && (name.contains("gespecialiseerd") || p % 4 == 3);
            String offer = specialised ? "SPECIALISED" : "BASIC";
            contract(partner, offer, "CONCESSION", "ACTIVE", concessionStart, null);
            if (name.contains("taalcoaching")) {
                contract(partner, "LANGUAGE_COACHING", "OPEN_HOUSE", "ACTIVE", concessionStart.plusMonths(2), "Taalcoaching op de werkvloer.");
            }
            if (name.contains("werkplekleren")) {
                contract(partner, "WORKPLACE_LEARNING", "OPEN_HOUSE", "ACTIVE", concessionStart.plusMonths(3), "Werkplekleren bij 300 werkgevers.");
            }
            if (p == partners.size() - 1) {
                contract(partner, "PMAB_EXPERTISE", "OPEN_HOUSE", "APPLIED", null,
                        "Wij hebben 12 jaar ervaring met indicering voor personen met een arbeidshandicap.");
            }
            jdbc.sql("insert into gd_partner_profile (partner_id, expertise, languages, website) values (?,?,?::text[],?)")
                    .params(partner, specialised
                                    ? "Begeleiding op maat voor mensen voor wie de weg naar werk langer is: gezondheid, zorg, een arbeidshandicap."
                                    : "Snel aan de slag: sollicitatietraining, vacatures op maat en contact met werkgevers in de regio.",
                            random.nextBoolean() ? new String[] {"nl", "fr", "en"} : new String[] {"nl", "en"},
                            "https://partner" + p + ".example")
                    .update();
            int sites = partner.equals(demoPartner) ? 3 : 2 + random.nextInt(5);
            for (int s = 0; s < sites; s++) {
                Municipality m = s == 0 ? municipalities.byNis(organisations.find(partner).orElseThrow().municipalityNis())
                        .orElse(all.get(random.nextInt(all.size()))) : all.get(random.nextInt(all.size()));
                UUID site = UUID.randomUUID();
                jdbc.sql("""
                        insert into gd_site (id, partner_id, name, municipality_nis, latitude, longitude, wheelchair_access, street,
                          phone, email)
                        values (?,?,?,?,?,?,?,?,?,?)""")
                        .params(site, partner, "Vestiging " + m.nameNl(), m.nis(), m.lat(), m.lon(), random.nextInt(4) > 0,
                                "Stationsstraat " + (1 + contact.nextInt(120)),
                                String.format("0%d %03d %02d %02d", 2 + contact.nextInt(8), contact.nextInt(1000),
                                        contact.nextInt(100), contact.nextInt(100)),
                                "onthaal." + m.nis() + "@partner" + p + ".example").update();
                jdbc.sql("insert into gd_site_capacity (site_id, offer_code, capacity) values (?,?,?)")
                        .params(site, offer, (int) Math.max(5, Math.round((20 + random.nextInt(60)) * Math.max(1, scale * 10)))).update();
                if (offer.equals("BASIC")) {
                    basicSites.add(site);
                }
                if (partner.equals(demoPartner)) {
                    sitesOfDemoPartner.add(site);
                }
            }
            p++;
        }
        // history: ended trajectories for the KPIs and the outflow figures
        List<UUID> population = jdbc.sql("""
                select id from people_v_person where persona is null and status in ('JOB_SEEKER','NON_ACTIVE','SOCIAL_ASSISTANCE') order by id limit ?""")
                .param(Math.max(60, (int) Math.round(32_000 * scale))).query(UUID.class).list();
        UUID mediatorOrg = users.find("mediator").map(u -> u.organisationId()).orElse(null);
        String[] groups = {"A", "B", "C", "D"};
        java.util.Map<UUID, String> demoGroups = new java.util.LinkedHashMap<>();
        for (UUID person : population) {
            demoGroups.put(person, groups[random.nextInt(groups.length)]);
        }
        kow.recordRun(demoGroups, "demo-example", concessionStart);
        // the trajectories take the KOW score in force at their start from the chance module's scoring history
        startupTasks.await("chance-demo");
        java.util.Map<UUID, Double> effect = new java.util.HashMap<>();
        for (int k = 0; k < partners.size(); k++) {
            effect.put(partners.get(k), 0.75 + 0.125 * (k % 5)); // 0.75 … 1.25 times the expected chance
        }
        java.util.Map<UUID, UUID> partnerOfSite = new java.util.HashMap<>();
        jdbc.sql("select id, partner_id from gd_site").query(rs -> {
            partnerOfSite.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        int i = 0;
        int forcedActive = 0;
        for (UUID person : population) {
            UUID site = basicSites.get(random.nextInt(basicSites.size()));
            int kind = i++ % 10;
            if (kind < 6 && forcedActive < 3 && !sitesOfDemoPartner.isEmpty()) {
                // the demo partner always has clients in guidance right now (its journeys start from them)
                forcedActive++;
                UUID referral = referral(person, "BASIC", today.minusDays(30 + 7L * forcedActive), "CHOSEN");
                startTrajectory(referral, person, sitesOfDemoPartner.get(0), today.minusDays(25 + 7L * forcedActive), "ACTIVE", random, null,
                        kow.groupOn(person, today.minusDays(25 + 7L * forcedActive)).orElse(null));
            } else if (kind < 6) {
                LocalDate referred = concessionStart.plusDays(random.nextInt(Math.max(30, (int) (today.toEpochDay() - concessionStart.toEpochDay()) - 200)));
                trajectory(person, site, referred, random, today, effect.getOrDefault(partnerOfSite.get(site), 1.0));
            } else if (kind < 8) {
                // referred in the last weeks: most still within their choice period, some past it (waiting for the assignment)
                LocalDate referred = kind == 6
                        ? today.minusDays(settings.choicePeriodDays() + 1 + random.nextInt(10)) // choice period over: next assignment run
                        : today.minusDays(random.nextInt(settings.choicePeriodDays()));       // still choosing
                referral(person, "BASIC", referred, "WAITING");
            } else {
                jdbc.sql("insert into gd_intake (id, person_id, started_on, started_by) values (?,?,?,'mediator')")
                        .params(UUID.randomUUID(), person, Date.valueOf(today.minusDays(kind == 8 ? 80 : 10 + random.nextInt(88)))).update();
            }
        }
        // personas
        people.idOfPersona("mira").ifPresent(mira -> referral(mira, "BASIC", today.minusDays(2), "WAITING"));
        people.idOfPersona("bernard").ifPresent(bernard -> {
            kow.recordRun(java.util.Map.of(bernard, "C"), "demo-example", today.minusMonths(4));
            UUID referral = referral(bernard, "BASIC", today.minusMonths(2).minusDays(10), "CHOSEN");
            startTrajectory(referral, bernard, sitesOfDemoPartner.get(0), today.minusMonths(2), "ACTIVE", null, "C", null);
        });
        log.info("Guidance demo loaded: {} partners, {} people in the history, in {} ms", partners.size(), population.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void contract(UUID partner, String offer, String form, String status, LocalDate from, String application) {
        jdbc.sql("""
                insert into gd_contract (id, partner_id, offer_code, form, status, valid_from, valid_until, content_ok, quality_ok,
                  application, applied_on, decided_by) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), partner, offer, form, status, from == null ? null : Date.valueOf(from),
                        from == null ? null : Date.valueOf(from.plusYears(5).minusDays(1)), status.equals("ACTIVE") ? true : null,
                        status.equals("ACTIVE") ? true : null, application,
                        Date.valueOf(from == null ? demoDate.today().minusDays(3) : from.minusMonths(1)),
                        status.equals("ACTIVE") ? "demo" : null)
                .update();
    }

    private UUID referral(UUID person, String offer, LocalDate referred, String status) {
        UUID assessment = UUID.randomUUID();
        jdbc.sql("""
                insert into gd_assessment (id, person_id, assessment_started, decided_on, job_target, indication, context_factors,
                  proposed_product, product, explanation, mediator) values (?,?,?,?,?,'NONE','{"MOBILITY":"LIMITED"}',?,?,?,'mediator')""")
                .params(assessment, person, Date.valueOf(referred.minusDays(40)), Date.valueOf(referred), "Magazijnmedewerker", offer, offer,
                        "Je kan met een beperkte ondersteuning aan het werk. Je krijgt: Basisaanbod.")
                .update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into gd_referral (id, assessment_id, person_id, offer_code, referred_on, choose_by, status) values (?,?,?,?,?,?,?)")
                .params(id, assessment, person, offer, Date.valueOf(referred), Date.valueOf(referred.plusDays(14)), status).update();
        return id;
    }

    private void trajectory(UUID person, UUID site, LocalDate referred, Random random, LocalDate today, double partnerEffect) {
        UUID referral = referral(person, "BASIC", referred, "CHOSEN");
        LocalDate started = referred.plusDays(3 + random.nextInt(20));
        if (started.isAfter(today)) {
            started = today;
        }
        // whether the client finds work follows the chance of work the model gave at the start, times how well the
        // partner guides (a demo effect per partner, so that the corrected outflow on the landing page tells partners apart)
        Optional<be.werkregie.chance.KowGroups.KowGroup> kowAtStart = kow.groupOn(person, started);
        double chance = kowAtStart.map(be.werkregie.chance.KowGroups.KowGroup::score).map(BigDecimal::doubleValue).orElse(0.45);
        boolean works = random.nextDouble() < Math.min(0.95, chance * partnerEffect);
        int r = random.nextInt(100);
        String status = started.plusMonths(7).isAfter(today) && r < 50 ? "ACTIVE" : works ? "WORK_FOUND" : r < 75 ? "ENDED" : "STOPPED";
        startTrajectory(referral, person, site, started, status, random, null, kowAtStart.orElse(null));
    }

    private final org.springframework.beans.factory.ObjectProvider<Trajectories> trajectories;

    private void startTrajectory(UUID referral, UUID person, UUID site, LocalDate started, String status, Random random, String group,
                                 be.werkregie.chance.KowGroups.KowGroup kowAtStart) {
        UUID partner = jdbc.sql("select partner_id from gd_site where id = ?").param(site).query(UUID.class).single();
        UUID id = UUID.randomUUID();
        // work is found within the first five months; other trajectories end or stop within about eight months
        LocalDate ended = status.equals("ACTIVE") ? null
                : started.plusDays(status.equals("WORK_FOUND") ? 14 + (random == null ? 60 : random.nextInt(140))
                : 30 + (random == null ? 60 : random.nextInt(200)));
        LocalDate today = demoDate.today();
        if (ended != null && ended.isAfter(today)) {
            ended = today;
        }
        String kowGroup = group != null ? group : kowAtStart == null ? null : kowAtStart.code();
        boolean stopped = status.equals("STOPPED");
        boolean acknowledged = stopped && random != null && random.nextInt(3) > 0;
        // a stop goes through the real stop (as the partner would): a warm handover in the client's file, with a contact,
        // that the mediator acknowledges (two in three) or still has to acknowledge
        jdbc.sql("""
                insert into gd_trajectory (id, referral_id, person_id, partner_id, site_id, offer_code, started_on, goal_date, status,
                  ended_on, work_start, contract_type, stop_motivation, kow_group, handover_acknowledged_on, kow_score, kow_version,
                  kow_scored_on)
                values (?,?,?,?,?,'BASIC',?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, referral, person, partner, site, Date.valueOf(started), Date.valueOf(started.plusMonths(6)),
                        stopped ? "ACTIVE" : status, ended == null || stopped ? null : Date.valueOf(ended),
                        status.equals("WORK_FOUND") ? Date.valueOf(ended) : null,
                        status.equals("WORK_FOUND") ? "FIXED_TERM" : null, null, kowGroup, null,
                        group != null || kowAtStart == null ? null : kowAtStart.score(), group != null || kowAtStart == null ? null : kowAtStart.modelVersion(),
                        group != null || kowAtStart == null || kowAtStart.validFrom() == null ? null : Date.valueOf(kowAtStart.validFrom()))
                .update();
        jdbc.sql("""
                insert into gd_action (id, trajectory_id, kind, occurred_on, note, evidence_name, evidence, formal_output, amount,
                  registered_by, idempotency_key, registered_at) values (?,?,'INTAKE',?,'Startgesprek gevoerd.','startgesprek.pdf',?,true,150.00,'demo',?,?)""")
                .params(UUID.randomUUID(), id, Date.valueOf(started), intakePdf(), "demo:" + id,
                        java.sql.Timestamp.valueOf(started.atTime(11, 0))).update();
        if (stopped) {
            stopAsThePartner(id, partner, ended, acknowledged);
        }
        if (status.equals("WORK_FOUND")) {
            GuidanceSettings.FeeSchedule schedule = settings.scheduleOn(started).orElse(settings.feeSchedules().get(0));
            String g = kowGroup == null ? "UNKNOWN" : kowGroup;
            BigDecimal fee = schedule.fees().getOrDefault(g, BigDecimal.ZERO);
            jdbc.sql("insert into gd_result_fee (trajectory_id, kow_group, schedule_from, amount, status, claimed_on) values (?,?,?,?,'CLAIMED',?)")
                    .params(id, g, Date.valueOf(schedule.effectiveFrom()), fee, Date.valueOf(ended)).update();
            // the employment-records feed: most placements show up as a declaration (and are verified by it); some do not
            int draw = random == null ? 0 : random.nextInt(100);
            if (draw < 90) {
                LocalDate end = draw < 30 ? null : ended.plusDays(20 + (random == null ? 200 : random.nextInt(400)));
                records.record(new be.werkregie.employment.EmploymentRecords.Declaration(person, "Werkgever " + (1 + Math.abs(id.hashCode() % 300)),
                        null, ended, end, draw < 15 ? "TEMPORARY_AGENCY" : "EMPLOYEE", "DEMO", "demo-dimona:" + id));
                verification.verify(id);
            } else if (draw < 95) {
                jdbc.sql("update gd_result_fee set status = 'PROOF_SUBMITTED', proof_name = 'arbeidsovereenkomst.pdf', proof = ? where trajectory_id = ?")
                        .params(be.werkregie.shared.Pdf.fromHtml("<html><body><p>Arbeidsovereenkomst (demo)</p></body></html>"), id).update();
            }
        }
    }

    private byte[] intakePdf;

    /** One small real PDF shared by the demo's intake reports. */
    private byte[] intakePdf() {
        if (intakePdf == null) {
            intakePdf = be.werkregie.shared.Pdf.fromHtml("<html><body><h1>Startgesprek</h1><p>Verslag van het startgesprek (demo).</p></body></html>");
        }
        return intakePdf;
    }

    /** The partner stops the trajectory through {@link Trajectories#stop}; the mediator acknowledges it when asked to. */
    private void stopAsThePartner(UUID trajectory, UUID partner, LocalDate ended, boolean acknowledged) {
        String partnerName = organisations.find(partner).map(o -> o.name()).orElse("partner");
        CurrentUser staff = new CurrentUser(null, "demo-" + partner, null, "Trajectbegeleider", partner, partnerName,
                be.werkregie.identity.OrganisationKind.PARTNER, null, java.util.Set.of(be.werkregie.identity.Role.PARTNER_STAFF),
                "nl", true);
        Trajectories t = trajectories.getObject();
        t.stop(trajectory, "De klant heeft eerst zorg nodig voor een gezondheidsprobleem.", "An Claes (trajectbegeleider)",
                "09 210 45 67 · an.claes@" + partnerName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example",
                staff);
        jdbc.sql("update gd_trajectory set ended_on = ? where id = ?").params(Date.valueOf(ended), trajectory).update();
        if (acknowledged) {
            users.find("mediator").ifPresent(m -> {
                t.acknowledgeStop(trajectory, "Afspraak bij de VDAB gemaakt; na de zorg opnieuw inschatten.", m);
                jdbc.sql("update gd_trajectory set handover_acknowledged_on = ? where id = ?").params(Date.valueOf(ended), trajectory)
                        .update();
            });
        }
    }
}
