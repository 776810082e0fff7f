package be.werkregie.cooperation;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisation;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Users;
import be.werkregie.people.Consents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo of local cooperation, anchored to the demo date: a dated reference table of labour-market figures per
 * municipality (plausible values derived from the population; the page names it as a demo source); two years of
 * referrals from the social services of the municipalities where people live (each on a mandate recorded for it);
 * live referrals of the demo social worker (OCMW Gent) — one waiting, one confirmed with steps on both sides; and the
 * cooperation agreements of Gent and Genk with their published action plans.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
class CooperationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CooperationDemoData.class);

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final Organisations organisations;
    private final Users users;
    private final Consents consents;
    private final Referrals referrals;
    private final ActionPlans plans;
    private final be.werkregie.platform.DemoDate demoDate;
    private final be.werkregie.platform.StartupTasks startupTasks;
    private final long seed;

    CooperationDemoData(JdbcClient jdbc, Municipalities municipalities, Organisations organisations, Users users, Consents consents,
                        Referrals referrals, ActionPlans plans, be.werkregie.platform.DemoDate demoDate,
                        be.werkregie.platform.StartupTasks startupTasks, @Value("${werkregie.demo.seed:2027}") long seed) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.organisations = organisations;
        this.users = users;
        this.consents = consents;
        this.referrals = referrals;
        this.plans = plans;
        this.demoDate = demoDate;
        this.startupTasks = startupTasks;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupTasks.inBackground("cooperation-demo", this::load);
    }

    void load() {
        if (jdbc.sql("select count(*) from co_reference_table").query(Long.class).single() > 0 || users.find("socialworker").isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Random r = new Random(seed + 31);
        LocalDate today = demoDate.today();
        referenceTable(r, today);
        int history = history(r, today);
        live(today);
        agreements(today);
        log.info("Cooperation demo loaded: reference table, {} past referrals, live referrals and two action plans in {} ms", history,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void referenceTable(Random r, LocalDate today) {
        UUID table = UUID.randomUUID();
        jdbc.sql("insert into co_reference_table (id, reference_on, source, uploaded_by, uploaded_at) values (?,?,?,?,?)")
                .params(table, LocalDate.of(today.getYear() - 1, 1, 1), "Steunpunt Werk en Statbel (demo: afgeleid van de bevolking)", "admin",
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            long workingAge = Math.round(m.population() * (0.62 + r.nextDouble() * 0.05));
            long labour = Math.round(workingAge * (0.70 + r.nextDouble() * 0.10));
            long unemployed = Math.round(labour * (0.03 + r.nextDouble() * ("21".equals(m.provinceCode()) || m.provinceCode().equals("BRU") ? 0.12 : 0.05)));
            long employed = labour - unemployed;
            long self = Math.round(employed * (0.11 + r.nextDouble() * 0.06));
            String[] vars = {"WORKING_AGE_POPULATION", "LABOUR_FORCE", "UNEMPLOYED_JOB_SEEKERS", "EMPLOYED", "WAGE_EARNERS", "SELF_EMPLOYED", "NON_ACTIVE"};
            long[] values = {workingAge, labour, unemployed, employed, employed - self, self, workingAge - labour};
            for (int i = 0; i < vars.length; i++) {
                rows.add(new Object[] {table, m.nis(), vars[i], values[i]});
            }
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into co_reference_figure (table_id, nis, variable, value) values (?,?,?,?)").params(row).update();
        }
    }

    /** Past referrals: people without work in a municipality, referred by its social service on a mandate recorded for it. */
    private int history(Random r, LocalDate today) {
        Map<String, Organisation> ocmw = new HashMap<>();
        for (Organisation o : organisations.ofKind(OrganisationKind.SOCIAL_SERVICE)) {
            if (o.municipalityNis() != null) {
                ocmw.put(o.municipalityNis().trim(), o);
            }
        }
        Organisation pes = referrals.employmentService();
        record P(UUID id, String nis, String status) {}
        List<P> candidates = jdbc.sql("""
                select id, municipality_nis, status from people_v_person
                where status in ('NON_ACTIVE_WITHOUT_BENEFIT','SOCIAL_ASSISTANCE','JOB_SEEKER') and municipality_nis is not null and persona is null
                order by id""")
                .query((rs, i) -> new P(rs.getObject(1, UUID.class), rs.getString(2).trim(), rs.getString(3))).list();
        int n = 0;
        for (P p : candidates) {
            Organisation from = ocmw.get(p.nis());
            double chance = "JOB_SEEKER".equals(p.status()) ? 0.04 : 0.35;
            if (from == null || r.nextDouble() > chance) {
                continue;
            }
            LocalDate sent = today.minusDays(20 + r.nextInt(560));
            LocalDate expires = sent.plusYears(2).isBefore(today) ? today : sent.plusYears(2);
            UUID mandate = consents.grant(p.id(), from.id(), "Toeleiding naar werk via " + from.name(), "ACT", sent, expires, "SIGNED_FORM",
                    "Demo-mandaat " + (n + 1), null);
            double x = r.nextDouble();
            String status = x < 0.62 ? "CONFIRMED" : x < 0.80 ? "CLOSED" : x < 0.90 ? "SENT" : x < 0.96 ? "DECLINED" : "WITHDRAWN";
            if ("SENT".equals(status) && sent.isBefore(today.minusDays(40))) {
                status = "CONFIRMED";
            }
            UUID id = UUID.randomUUID();
            String target = switch (p.status()) {
                case "NON_ACTIVE_WITHOUT_BENEFIT" -> "NBAZU";
                case "SOCIAL_ASSISTANCE" -> "SOCIAL_ASSISTANCE";
                default -> "WZW_MULTI";
            };
            OffsetDateTime sentAt = sent.atTime(10, 0).atOffset(ZoneOffset.UTC);
            boolean confirmed = "CONFIRMED".equals(status) || "CLOSED".equals(status);
            jdbc.sql("""
                    insert into co_referral (id, person_id, from_organisation_id, from_organisation, to_organisation_id, to_organisation, mandate_id,
                      target_group, directing, reason, pre_trajectory, contact_name, contact_details, cooperation_line, status, sent_at, intake_due_on,
                      confirmed_at, confirmed_by, case_manager, case_manager_contact, created_by)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(id, p.id(), from.id(), from.name(), pes.id(), pes.name(), mandate, target,
                            "SOCIAL_ASSISTANCE".equals(target) ? "SOCIAL_SERVICE" : "EMPLOYMENT_SERVICE",
                            "Wil aan het werk; drempels in kaart gebracht.", "Voortraject: budget en huisvesting op orde, taalniveau A2, wil werken in logistiek.",
                            "Maatschappelijk werker", "0800 12 345", r.nextDouble() < 0.2, status, sentAt, sent.plusDays(10),
                            confirmed ? sentAt.plusDays(2 + r.nextInt(8)) : null, confirmed ? "VDAB" : null, confirmed ? "Trajectbegeleider VDAB" : null,
                            confirmed ? "trajectbegeleiding@vdab.example" : null, "demo")
                    .update();
            n++;
        }
        return n;
    }

    /** The demo social worker's live referrals: Mira waits for an intake; a second client is confirmed with steps on both sides. */
    private void live(LocalDate today) {
        CurrentUser social = users.find("socialworker").orElseThrow();
        CurrentUser mediator = users.find("mediator").orElseThrow();
        List<UUID> gent = jdbc.sql("""
                select id from people_v_person where municipality_nis = '44021' and status in ('NON_ACTIVE_WITHOUT_BENEFIT','SOCIAL_ASSISTANCE')
                  and persona is null order by id limit 3""").query(UUID.class).list();
        for (UUID p : gent) {
            if (consents.of(p).stream().noneMatch(c -> social.organisationId().equals(c.organisationId()) && c.activeOn(today))) {
                consents.grant(p, social.organisationId(), "Integrale begeleiding werk en welzijn", "ACT", today.minusMonths(1), today.plusYears(1),
                        "SIGNED_FORM", "Mandaatformulier OCMW Gent", null);
            }
        }
        users.find("mira").flatMap(u -> java.util.Optional.ofNullable(u.personId())).ifPresent(mira -> referrals.refer(new Referrals.NewReferral(mira,
                Referral.TargetGroup.NBAZU, Referral.Directing.EMPLOYMENT_SERVICE, "Mira wil werken en zoekt een opleiding in de zorg.",
                "Voortraject OCMW Gent: woonsituatie stabiel, kinderopvang geregeld via het lokaal loket, taalniveau B1. Drempel: geen rijbewijs.",
                "Lotte Maes", "lotte.maes@ocmw-gent.example, 09 266 00 00", true, "demo-mira"), social));
        if (!gent.isEmpty()) {
            Referral r = referrals.refer(new Referrals.NewReferral(gent.get(0), Referral.TargetGroup.SOCIAL_ASSISTANCE, Referral.Directing.SOCIAL_SERVICE,
                    "Klaar voor een werkervaringstraject.", "Leefloon sinds anderhalf jaar; schuldbemiddeling loopt; wil graag in de groenzorg werken.",
                    "Lotte Maes", "lotte.maes@ocmw-gent.example", false, "demo-second"), social);
            referrals.confirm(r.id(), "Eva Peeters", "eva.peeters@vdab.example, 09 123 45 67", "Intakegesprek gepland.", mediator);
            referrals.addStep(r.id(), "SHARED", "Intakegesprek gevoerd", "Doel: werkervaring in de groenzorg; start WES-traject voorgesteld.",
                    today, "demo-step-1", mediator);
            referrals.addStep(r.id(), "INTERNAL", "Interne nota VDAB", "Matching met vacatures groenonderhoud nagaan.", today, "demo-step-2", mediator);
            referrals.addStep(r.id(), "SHARED", "Schuldbemiddeling: afbetalingsplan rond", null, today, "demo-step-3", social);
        }
    }

    private void agreements(LocalDate today) {
        CurrentUser admin = users.find("admin").orElseThrow();
        int y = today.getYear();
        agreement(admin, "Samenwerkingsovereenkomst VDAB – Stad Gent", List.of("44021"), y, List.of(
                new String[] {"Meer mensen zonder uitkering bereiken", "Aantal aanmeldingen van niet-actieven zonder uitkering", "120", "personen"},
                new String[] {"Sneller een intake na aanmelding", "Aandeel intakes binnen 10 dagen", "90", "%"},
                new String[] {"Meer mensen aan het werk na een traject", "Uitstroom naar werk binnen 6 maanden", "45", "%"}), today);
        agreement(admin, "Samenwerkingsovereenkomst VDAB – Stad Genk", List.of("71016"), y, List.of(
                new String[] {"Jongeren zonder diploma bereiken", "Aantal bereikte NEET-jongeren", "80", "personen"},
                new String[] {"Werkervaring op maat", "Aantal gestarte werkervaringstrajecten", "40", "trajecten"}), today);
    }

    private void agreement(CurrentUser admin, String name, List<String> nis, int year, List<String[]> goals, LocalDate today) {
        UUID a = plans.createAgreement(name, nis, year - 1, year + 4,
                "Hoge werkloosheid bij laaggeschoolden en nieuwkomers; veel niet-actieven zonder uitkering die de weg naar VDAB niet vinden; "
                        + "knelpuntberoepen in zorg, logistiek en techniek.",
                "VDAB: intake, matching en opleiding; OCMW: vindplaatsgericht werken, voortraject en flankerende hulp (schulden, huisvesting, "
                        + "kinderopvang). Contactpersonen: de samenwerkingslijn van beide kanten. Een vraag krijgt binnen 5 werkdagen een antwoord.",
                admin, x -> true);
        String[] inspiration = {"OUTREACH_CONTACT_POINTS", "JOINT_INTAKE", "WORK_EXPERIENCE_WES", "LANGUAGE_AT_WORK", "EMPLOYER_MATCHING_DAYS",
                "DEBT_COUNSELLING_LINK"};
        int k = 0;
        for (String[] g : goals) {
            UUID goal = plans.addGoal(a, g[0], g[1], new BigDecimal(g[2]), g[3], admin);
            for (int i = 0; i < 2; i++, k++) {
                UUID act = plans.addAction(goal, year, null, inspiration[k % inspiration.length], i == 0 ? "OCMW" : "VDAB",
                        today.plusMonths(3 + k), admin);
                int progress = (k * 35) % 100;
                plans.update(act, 0, progress == 0 ? ActionPlans.ActionStatus.PLANNED : ActionPlans.ActionStatus.RUNNING, progress,
                        "Stand na het kwartaaloverleg", admin);
            }
        }
        plans.publish(a, year, admin);
    }
}
