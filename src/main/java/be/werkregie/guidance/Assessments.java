package be.werkregie.guidance;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.Language;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The mediator's part: the assessment phase (at most 3 months), the assessment with its routing decision, and the
 * referral that lets the client choose a partner (or be assigned one after the choice period). Routing is a human
 * judgement: nothing here reads the Kans Op Werk group.
 */
@Service
public class Assessments {

    public static final List<String> PRODUCTS = List.of("BASIC", "SPECIALISED", "APPLICATION_SUPPORT");
    public static final List<String> CONTEXT_FACTORS = List.of("HEALTH", "CARE_DUTIES", "MOBILITY", "HOUSING", "DEBT",
            "LANGUAGE", "DIGITAL_SKILLS", "WELLBEING");

    public record Intake(UUID id, UUID personId, String personName, LocalDate startedOn, LocalDate dueOn, long daysLeft,
                         boolean warning, boolean overdue) {}

    public record AssessmentInput(UUID personId, String jobTarget, Routing.Indication indication,
                                  Map<String, Routing.Impact> contextFactors, String product, String overrideReason,
                                  List<String> flanking, String notes, String requestKey) {}

    public record Assessment(UUID id, UUID personId, LocalDate startedOn, LocalDate decidedOn, String jobTarget,
                             String indication, Map<String, String> contextFactors, String proposedProduct, String product,
                             String overrideReason, List<String> flanking, String notes, String explanation, String mediator,
                             long leadTimeDays) {}

    public record Referral(UUID id, UUID assessmentId, UUID personId, String offerCode, List<String> flanking, LocalDate referredOn,
                           LocalDate chooseBy, Status status, UUID siteId, LocalDate chosenOn, BigDecimal distanceKm,
                           String explanation, String unplacedReason) {

        /**
         * A referral waits for the client's choice; the client (or a mediator) chooses a site, or after the choice period
         * the assignment places the client (or leaves them unplaced, to be placed or to choose later). A new assessment can
         * cancel an open referral.
         */
        public enum Status {
            WAITING, CHOSEN, ASSIGNED, UNPLACED, CANCELLED;

            public static final be.werkregie.shared.Lifecycle<Status> LIFECYCLE = be.werkregie.shared.Lifecycle.of(Status.class)
                    .from(WAITING, CHOSEN, ASSIGNED, UNPLACED, CANCELLED)
                    .from(UNPLACED, CHOSEN, ASSIGNED, UNPLACED, CANCELLED)
                    .build();

            /** The open states: the referral still waits for a place. */
            public static String[] open() {
                return be.werkregie.shared.Lifecycle.names(LIFECYCLE.sources(CHOSEN));
            }
        }

        public boolean isOpen() {
            return Status.LIFECYCLE.allows(status, Status.CHOSEN);
        }

        /** The client's choice: only an open referral can be chosen. */
        public be.werkregie.shared.Lifecycle.Transition<Status> choose() {
            return Status.LIFECYCLE.move(status, Status.CHOSEN, "referralId", "guidance.notWaiting");
        }

        /** The same site chosen again (a retry or a double click) is the same answer, not a new move. */
        public boolean alreadyChose(UUID site) {
            return status == Status.CHOSEN && site != null && site.equals(siteId);
        }
    }

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final Catalogue catalogue;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final GuidanceSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    private final be.werkregie.platform.Idempotency idempotency;

    private final be.werkregie.platform.Locks locks;

    private final be.werkregie.policy.Policies policies;

    Assessments(be.werkregie.policy.Policies policies, be.werkregie.platform.Locks locks, be.werkregie.platform.Idempotency idempotency, JdbcClient jdbc, PersonDirectory people, Catalogue catalogue, org.springframework.context.ApplicationEventPublisher events,
                MessageSource messages, AuditTrail audit, GuidanceSettings settings, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.locks = locks;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.people = people;
        this.catalogue = catalogue;
        this.events = events;
        this.messages = messages;
        this.audit = audit;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static void requireMediator(CurrentUser actor) {
        if (actor == null || !(actor.has(Role.MEDIATOR) && actor.worksForEmploymentService())) {
            throw new NotFoundException("person");
        }
    }

    // ---- assessment phase ----

    @Transactional
    public UUID startIntake(UUID personId, LocalDate startedOn, CurrentUser actor) {
        requireMediator(actor);
        people.get(personId, actor, "guidance assessment");
        Validator v = new Validator();
        v.check(startedOn != null, "startedOn", "validation.date");
        v.pastOrToday("startedOn", startedOn, clock);
        v.throwIfInvalid();
        Optional<UUID> open = jdbc.sql("select id from gd_intake where person_id = ? and closed_on is null").param(personId)
                .query(UUID.class).optional();
        if (open.isPresent()) {
            return open.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into gd_intake (id, person_id, started_on, started_by) values (?,?,?,?)")
                .params(id, personId, startedOn, actor.username()).update();
        return id;
    }

    /** Clients in the assessment phase, the nearest to the 3-month limit first; warning within the warning period. */
    public List<Intake> openIntakes(CurrentUser actor) {
        requireMediator(actor);
        LocalDate today = today();
        List<Intake> list = jdbc.sql("""
                select i.id, i.person_id, p.first_name || ' ' || p.last_name, i.started_on from gd_intake i join people_v_person p on p.id = i.person_id
                where i.closed_on is null order by i.started_on, i.id limit 500""")
                .query((rs, n) -> intake(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), today))
                .list();
        audit.recordReads(actor, list.stream().map(Intake::personId).toList(), "GUIDANCE", "open intakes");
        return list;
    }

    Intake intake(UUID id, UUID personId, String name, LocalDate started, LocalDate today) {
        LocalDate due = started.plusMonths(settings.assessmentMaxMonths());
        long left = ChronoUnit.DAYS.between(today, due);
        return new Intake(id, personId, name, started, due, left, left <= settings.assessmentWarnDays(), left < 0);
    }

    // ---- assessment and routing ----

    /**
     * Records the assessment: the routing rule proposes a product, the mediator confirms it or overrides it with a reason.
     * Creates the referral (the client may choose a partner until the end of the choice period), a dossier entry the
     * client can read, and a message in the client's channel. Idempotent on the request key.
     */
    @Transactional
    public Assessment record(AssessmentInput in, CurrentUser actor) {
        requireMediator(actor);
        Validator v = new Validator().required("requestKey", in.requestKey(), 100);
        v.check(in.personId() != null, "personId", "guidance.unknownClient");
        v.throwIfInvalid();
        // same key → the same assessment (a retry, or a parallel double submit, waits and gets the first one's answer)
        UUID id = idempotency.once("assessment", actor.organisationId(), in.requestKey(), in, () -> recordNew(in, actor));
        return find(id, actor);
    }

    private UUID recordNew(AssessmentInput in, CurrentUser actor) {
        Validator v = new Validator();
        // one assessment at a time per client: two mediators (or two tabs) cannot both route the same person
        locks.lock("guidance-person", in.personId());
        Person person;
        try {
            person = people.get(in.personId(), actor, "guidance assessment");
        } catch (NotFoundException e) {
            throw InvalidInputException.of("personId", "guidance.unknownClient");
        }
        Map<String, Routing.Impact> factors = in.contextFactors() == null ? Map.of() : in.contextFactors();
        List<String> flanking = in.flanking() == null ? List.of() : in.flanking().stream().distinct().toList();
        v.required("jobTarget", in.jobTarget(), 300);
        v.check(in.indication() != null, "indication", "validation.choice");
        v.check(factors.keySet().stream().allMatch(CONTEXT_FACTORS::contains) && factors.values().stream().allMatch(x -> x != null),
                "contextFactors", "validation.choice");
        v.check(in.product() != null && PRODUCTS.contains(in.product()), "product", "validation.choice");
        v.text("notes", in.notes(), 5000);
        v.throwIfInvalid();
        Routing.Proposal proposal = Routing.propose(in.indication(), factors);
        boolean override = !proposal.product().equals(in.product());
        if (override) {
            v.required("overrideReason", in.overrideReason(), 2000);
        }
        List<String> wrong = in.product().equals("APPLICATION_SUPPORT") ? flanking : catalogue.notCombinable(in.product(), flanking);
        v.check(wrong.isEmpty(), "flanking", "guidance.notCombinable", String.join(", ", wrong));
        boolean waiting = jdbc.sql("select count(*) from gd_referral where person_id = ? and status in ('WAITING','UNPLACED')")
                .param(in.personId()).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from gd_trajectory where person_id = ? and status = 'ACTIVE'").param(in.personId())
                .query(Long.class).single() > 0;
        v.check(!waiting, "personId", "guidance.alreadyInGuidance");
        v.throwIfInvalid();

        LocalDate today = today();
        LocalDate started = jdbc.sql("select started_on from gd_intake where person_id = ? and closed_on is null").param(in.personId())
                .query(LocalDate.class).optional().orElse(today);
        Locale locale = Language.fromCode(person.language(), Language.NL).locale();
        String explanation = explanation(proposal, in.product(), override, in.overrideReason(), flanking, locale);
        UUID id = UUID.randomUUID();
        Map<String, String> factorNames = new LinkedHashMap<>();
        factors.forEach((k, x) -> factorNames.put(k, x.name()));
        jdbc.sql("""
                insert into gd_assessment (id, person_id, assessment_started, decided_on, job_target, indication, context_factors,
                  proposed_product, product, override_reason, flanking, notes, explanation, mediator, request_key)
                values (?,?,?,?,?,?,?::jsonb,?,?,?,?::text[],?,?,?,?)""")
                .params(id, in.personId(), started, today, in.jobTarget().trim(), in.indication().name(),
                        json.writeValueAsString(factorNames), proposal.product(), in.product(),
                        override ? in.overrideReason().trim() : null, flanking.toArray(String[]::new),
                        in.notes() == null || in.notes().isBlank() ? null : in.notes().trim(), explanation, actor.username(),
                        in.requestKey())
                .update();
        jdbc.sql("update gd_intake set closed_on = ? where person_id = ? and closed_on is null").params(today, in.personId()).update();
        jdbc.sql("""
                insert into gd_referral (id, assessment_id, person_id, offer_code, referred_on, choose_by, status)
                values (?,?,?,?,?,?,'WAITING')""")
                .params(UUID.randomUUID(), id, in.personId(), in.product(), today, today.plusDays(policies.integerOn(GuidancePolicies.CHOICE_DAYS, today))).update();
        events.publishEvent(new be.werkregie.shared.PersonFileFact(in.personId(), "DECISION", "SHARED", messages.getMessage("guidance.dossierTitle", null, Locale.forLanguageTag("nl")),
                explanation, today, "assessment:" + id, actor.username()));
        // messaging invites the client to choose a partner (after commit, through the event publication registry)
        events.publishEvent(new AssessmentCompleted(id, in.personId(), in.product(),
                catalogue.offer(in.product()).orElseThrow().name(person.language()), today.plusDays(policies.integerOn(GuidancePolicies.CHOICE_DAYS, today))));
        return id;
    }

    String explanation(Routing.Proposal p, String product, boolean override, String reason, List<String> flanking, Locale locale) {
        String productName = catalogue.offer(product).map(o -> o.name(locale.getLanguage())).orElse(product);
        String arg = p.argument() == null ? null : messages.getMessage("factor." + p.argument(), null, p.argument(), locale);
        StringBuilder b = new StringBuilder(messages.getMessage(p.explanationKey(), new Object[] {arg}, locale));
        if (override) {
            b.append(' ').append(messages.getMessage("routing.override", new Object[] {productName, reason.trim()}, locale));
        } else {
            b.append(' ').append(messages.getMessage("routing.result", new Object[] {productName}, locale));
        }
        if (!flanking.isEmpty()) {
            b.append(' ').append(messages.getMessage("routing.flanking", new Object[] {String.join(", ", flanking.stream()
                    .map(f -> catalogue.offer(f).map(o -> o.name(locale.getLanguage())).orElse(f)).toList())}, locale));
        }
        return b.toString();
    }

    private static final String ASSESSMENT_SELECT = """
            select id, person_id, assessment_started, decided_on, job_target, indication, context_factors::text, proposed_product,
              product, override_reason, flanking, notes, explanation, mediator from gd_assessment""";

    @SuppressWarnings("unchecked")
    private Assessment mapAssessment(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        LocalDate started = rs.getObject(3, LocalDate.class);
        LocalDate decided = rs.getObject(4, LocalDate.class);
        return new Assessment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), started, decided, rs.getString(5),
                rs.getString(6), json.readValue(rs.getString(7), LinkedHashMap.class), rs.getString(8), rs.getString(9),
                rs.getString(10), java.util.Arrays.asList((String[]) rs.getArray(11).getArray()), rs.getString(12),
                rs.getString(13), rs.getString(14), ChronoUnit.DAYS.between(started, decided));
    }

    /** For mediators (and the client, for their own): the assessment; never contains a KOW score or group. */
    public Assessment find(UUID id, CurrentUser actor) {
        Assessment a = jdbc.sql(ASSESSMENT_SELECT + " where id = ?").param(id).query(this::mapAssessment).optional()
                .orElseThrow(() -> new NotFoundException("assessment"));
        if (!(actor.has(Role.CITIZEN) && a.personId().equals(actor.personId()))) {
            requireMediator(actor);
        }
        audit.record(actor, a.personId(), AuditTrail.Action.READ, "GUIDANCE", "assessment", null);
        return a;
    }

    public List<Assessment> ofPerson(UUID personId, CurrentUser actor) {
        if (!(actor.has(Role.CITIZEN) && personId.equals(actor.personId()))) {
            requireMediator(actor);
        }
        audit.record(actor, personId, AuditTrail.Action.READ, "GUIDANCE", "assessments", null);
        return jdbc.sql(ASSESSMENT_SELECT + " where person_id = ? order by decided_on desc").param(personId).query(this::mapAssessment).list();
    }

    // ---- referral and choice ----

    private static final String REFERRAL_SELECT = """
            select r.id, r.assessment_id, r.person_id, r.offer_code, a.flanking, r.referred_on, r.choose_by, r.status, r.site_id,
              r.chosen_on, r.distance_km, r.explanation, r.unplaced_reason
            from gd_referral r join gd_assessment a on a.id = r.assessment_id""";

    static Referral mapReferral(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Referral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                java.util.Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), Referral.Status.valueOf(rs.getString(8)), rs.getObject(9, UUID.class), rs.getObject(10, LocalDate.class),
                rs.getBigDecimal(11), rs.getString(12), rs.getString(13));
    }

    public List<Referral> referralsOf(UUID personId, CurrentUser actor) {
        if (!(actor.has(Role.CITIZEN) && personId.equals(actor.personId()))) {
            requireMediator(actor);
        }
        return jdbc.sql(REFERRAL_SELECT + " where r.person_id = ? order by r.referred_on desc").param(personId)
                .query(Assessments::mapReferral).list();
    }

    public Optional<Referral> referral(UUID id) {
        return jdbc.sql(REFERRAL_SELECT + " where r.id = ?").param(id).query(Assessments::mapReferral).optional();
    }

    /** Clients still waiting or left unplaced by the last run (for mediators). */
    public List<Referral> waiting(CurrentUser actor) {
        requireMediator(actor);
        List<Referral> list = jdbc.sql(REFERRAL_SELECT + " where r.status in ('WAITING','UNPLACED') order by r.referred_on, r.id limit 500")
                .query(Assessments::mapReferral).list();
        audit.recordReads(actor, list.stream().map(Referral::personId).toList(), "GUIDANCE", "waiting referrals");
        return list;
    }
}
