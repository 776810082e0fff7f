package be.werkregie.vouchers;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The satisfaction survey, complaints, dossier control and stimulus financing. */
@Service
public class Quality {

    public static final int STATEMENTS = 11;
    public static final List<String> COMPLAINT_CATEGORIES = List.of("ALLOCATION", "CONTENT");
    public static final List<String> OUTCOMES = List.of("UNFOUNDED", "PARTLY_FOUNDED", "FOUNDED");
    public static final List<String> REMEDIES = List.of("ALTERNATIVE_GUIDANCE", "NEW_VOUCHER", "REFUND_AND_RECOVERY");

    public record SurveyInput(List<Integer> scores, Boolean questionAnswered, String whatWasGood, String whatBetter,
                              String suggestions) {}

    public record Complaint(UUID id, UUID voucherId, String voucherCode, String centreName, String category,
                            LocalDate concernsDate, LocalDate filedOn, String description, boolean admissible, Status status,
                            String outcome, String remedy, String decisionNote, LocalDate decidedOn) {

        /** Received (admissible) and then decided once; a complaint filed too late is inadmissible from the start. */
        public enum Status {
            RECEIVED, INADMISSIBLE, DECIDED;

            public static final be.werkregie.shared.Lifecycle<Status> LIFECYCLE = be.werkregie.shared.Lifecycle.of(Status.class).from(RECEIVED, DECIDED).build();

            static Status onFiling(boolean admissible) {
                return admissible ? RECEIVED : INADMISSIBLE;
            }
        }

        /** The decision: once, on a received complaint. */
        public be.werkregie.shared.Lifecycle.Transition<Status> decide() {
            return Status.LIFECYCLE.move(status, Status.DECIDED, "status", "complaint.notOpen");
        }
    }

    public record Satisfaction(long closedVouchers, long responses, BigDecimal responseRate, BigDecimal satisfactionPercent,
                               List<BigDecimal> itemMeans, BigDecimal questionAnsweredPercent) {}

    public record StimulusResult(UUID centreId, String centreName, int guidances, int disadvantaged, BigDecimal share,
                                 boolean qualifies, int paidGuidances, Money amount) {}

    private final JdbcClient jdbc;
    private final VoucherSettings settings;
    private final PersonDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    private final be.werkregie.platform.Idempotency idempotency;

    private final be.werkregie.policy.Policies policies;

    Quality(be.werkregie.policy.Policies policies, be.werkregie.platform.Idempotency idempotency, JdbcClient jdbc, VoucherSettings settings, PersonDirectory people, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.settings = settings;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** The citizen answers the survey once per closed voucher; a second answer changes nothing. */
    @Transactional
    public void answerSurvey(UUID voucherId, UUID personId, SurveyInput in) {
        String status = jdbc.sql("select status from vc_voucher where id = ? and person_id = ?").params(voucherId, personId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("voucher"));
        Validator v = new Validator();
        v.check(Voucher.Status.CLOSED.name().equals(status), "voucherId", "survey.notClosed");
        List<Integer> scores = in.scores() == null ? List.of() : in.scores();
        v.check(scores.size() == STATEMENTS && scores.stream().allMatch(s -> s != null && s >= 0 && s <= 10), "scores",
                "survey.scores", STATEMENTS);
        v.check(in.questionAnswered() != null, "questionAnswered", "validation.choice");
        v.text("whatWasGood", in.whatWasGood(), 2000).text("whatBetter", in.whatBetter(), 2000).text("suggestions", in.suggestions(), 2000);
        v.throwIfInvalid();
        jdbc.sql("""
                insert into vc_survey (voucher_id, scores, question_answered, what_was_good, what_better, suggestions, submitted_on)
                values (?, ?::int[], ?, ?, ?, ?, ?) on conflict (voucher_id) do nothing""")
                .params(voucherId, scores.toArray(Integer[]::new), in.questionAnswered(), blank(in.whatWasGood()),
                        blank(in.whatBetter()), blank(in.suggestions()), today())
                .update();
    }

    public boolean surveyAnswered(UUID voucherId) {
        return jdbc.sql("select count(*) from vc_survey where voucher_id = ?").param(voucherId).query(Long.class).single() > 0;
    }

    /** Satisfaction % = mean of the 11 item means × 10, with the response rate over closed vouchers. Null centre = all. */
    public Satisfaction satisfaction(UUID centreId, LocalDate from, LocalDate to) {
        String scope = " and (cast(? as uuid) is null or v.centre_id = ?)";
        long closed = jdbc.sql("select count(*) from vc_voucher v where v.status = 'CLOSED' and v.synthesis_on between ? and ?" + scope)
                .params(from, to, centreId, centreId).query(Long.class).single();
        List<BigDecimal> means = new ArrayList<>();
        long responses = 0;
        BigDecimal answered = null;
        for (int i = 1; i <= STATEMENTS; i++) {
            Map<String, Object> row = jdbc.sql("""
                    select count(*) as n, avg(s.scores[""" + i + """
                    ]) as mean, avg(case when s.question_answered then 1.0 else 0.0 end) as yes
                    from vc_survey s join vc_voucher v on v.id = s.voucher_id where v.synthesis_on between ? and ?""" + scope)
                    .params(from, to, centreId, centreId).query().singleRow();
            responses = ((Number) row.get("n")).longValue();
            if (row.get("mean") != null) {
                means.add(((BigDecimal) row.get("mean")).setScale(2, RoundingMode.HALF_UP));
                answered = ((BigDecimal) row.get("yes")).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
            }
        }
        BigDecimal percent = means.isEmpty() ? null : means.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(means.size()), 4, RoundingMode.HALF_UP).multiply(BigDecimal.TEN).setScale(1, RoundingMode.HALF_UP);
        BigDecimal rate = closed == 0 ? null : BigDecimal.valueOf(responses * 100).divide(BigDecimal.valueOf(closed), 1, RoundingMode.HALF_UP);
        return new Satisfaction(closed, responses, rate, percent, means, answered);
    }

    /** A citizen files a complaint; one about something more than a year ago is recorded as inadmissible. */
    @Transactional
    public UUID fileComplaint(UUID voucherId, UUID personId, String category, LocalDate concernsDate, String description,
                              CurrentUser actor) {
        return fileComplaint(voucherId, personId, category, concernsDate, description, null, actor);
    }

    /** Files a complaint; the same request key (a double submit, a retry) files it once and answers with the same complaint. */
    @Transactional
    public UUID fileComplaint(UUID voucherId, UUID personId, String category, LocalDate concernsDate, String description,
                              String requestKey, CurrentUser actor) {
        UUID centre = jdbc.sql("select centre_id from vc_voucher where id = ? and person_id = ?").params(voucherId, personId)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .orElseThrow(() -> new NotFoundException("voucher")).orElse(null);
        Validator v = new Validator();
        v.check(category != null && COMPLAINT_CATEGORIES.contains(category), "category", "validation.choice");
        v.check(concernsDate != null, "concernsDate", "validation.date");
        v.pastOrToday("concernsDate", concernsDate, clock);
        v.required("description", description, 5000);
        v.throwIfInvalid();
        return idempotency.once("complaint", personId, requestKey, java.util.Arrays.asList(voucherId, category, concernsDate, description),
                () -> insertComplaint(voucherId, personId, centre, category, concernsDate, description, actor));
    }

    private UUID insertComplaint(UUID voucherId, UUID personId, UUID centre, String category, LocalDate concernsDate, String description,
                                 CurrentUser actor) {
        LocalDate today = today();
        boolean admissible = isAdmissible(concernsDate, today, policies.integerOn(VoucherPolicies.COMPLAINT_MAX_AGE, today));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_complaint (id, voucher_id, person_id, centre_id, category, concerns_date, filed_on, description,
                  admissible, status) values (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, voucherId, personId, centre, category, concernsDate, today, description.trim(), admissible,
                        Complaint.Status.onFiling(admissible).name())
                .update();
        audit.record(actor, personId, AuditTrail.Action.WRITE, "VOUCHERS", "complaint filed", category);
        return id;
    }

    /** More than the configured number of years ago is inadmissible; exactly one year ago is still admissible. */
    static boolean isAdmissible(LocalDate concernsDate, LocalDate filedOn, int maxAgeYears) {
        return !concernsDate.isBefore(filedOn.minusYears(maxAgeYears));
    }

    public List<Complaint> complaintsOfPerson(UUID personId) {
        return jdbc.sql(COMPLAINT_SELECT + " where c.person_id = ? order by c.filed_on desc").param(personId)
                .query(Quality::mapComplaint).list();
    }

    public List<Complaint> openComplaints() {
        return jdbc.sql(COMPLAINT_SELECT + " where c.status = 'RECEIVED' order by c.filed_on").query(Quality::mapComplaint).list();
    }

    /**
     * Decides a complaint. Founded: the client gets alternative guidance, a new voucher (the right is re-activated:
     * the voucher no longer counts), or a refund of the €40 with recovery of the payment from the centre.
     */
    @Transactional
    public void decideComplaint(UUID complaintId, String outcome, String remedy, String note, CurrentUser actor) {
        Complaint c = jdbc.sql(COMPLAINT_SELECT + " where c.id = ?").param(complaintId).query(Quality::mapComplaint).optional()
                .orElseThrow(() -> new NotFoundException("complaint"));
        var move = c.decide();
        Validator v = new Validator();
        v.check(outcome != null && OUTCOMES.contains(outcome), "outcome", "validation.choice");
        boolean founded = "FOUNDED".equals(outcome) || "PARTLY_FOUNDED".equals(outcome);
        v.check(!founded || remedy != null && REMEDIES.contains(remedy), "remedy", "complaint.remedyNeeded");
        v.check(founded || remedy == null || remedy.isBlank(), "remedy", "complaint.noRemedy");
        v.required("note", note, 5000);
        v.throwIfInvalid();
        // compare-and-set: of two parallel decisions exactly one changes the row; the other gets a conflict and no remedy
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update vc_complaint set status = ?, outcome = ?, remedy = ?, decision_note = ?, decided_on = ?, decided_by = ?
                where id = ? and status = ?""")
                .params(move.toName(), outcome, founded ? remedy : null, note.trim(), today(), actor.username(), complaintId,
                        move.fromName()).update(),
                "status", "complaint.notOpen");
        if (founded && "NEW_VOUCHER".equals(remedy)) {
            // the voucher's own life cycle decides whether it can still be cancelled (a cancelled one stays as it is)
            jdbc.sql("update vc_voucher set status = ? where id = ? and status = any(?)")
                    .params(Voucher.Status.CANCELLED.name(), c.voucherId(),
                            be.werkregie.shared.Lifecycle.names(Voucher.Status.LIFECYCLE.sources(Voucher.Status.CANCELLED))).update();
        }
        if (founded && "REFUND_AND_RECOVERY".equals(remedy)) {
            BigDecimal paid = jdbc.sql("select coalesce(sum(amount_incl_vat), 0) from vc_payment_line where voucher_id = ?")
                    .param(c.voucherId()).query(BigDecimal.class).single();
            UUID centre = jdbc.sql("select centre_id from vc_voucher where id = ?").param(c.voucherId()).query(UUID.class).single();
            if (centre != null && paid.signum() > 0) {
                jdbc.sql("insert into vc_recovery (id, centre_id, voucher_id, amount, reason) values (?,?,?,?,?)")
                        .params(UUID.randomUUID(), centre, c.voucherId(), paid, "complaint " + complaintId).update();
            }
        }
    }

    public record ControlItem(UUID voucherId, String code, boolean agreementOk, boolean popOk, boolean hoursOk) {}

    /**
     * Dossier control: a random sample of at most 25 guidances of a centre, checking the agreement, the POP and a
     * correct hour registration (no more than the voucher's hours, no session before the take-over).
     */
    @Transactional
    public UUID drawDossierControl(UUID centreId, long seed, CurrentUser actor) {
        List<UUID> candidates = jdbc.sql("select id from vc_voucher where centre_id = ? and status in ('IN_GUIDANCE','CLOSED') order by id")
                .param(centreId).query(UUID.class).list();
        if (candidates.isEmpty()) {
            throw InvalidInputException.of("centreId", "control.noDossiers");
        }
        List<UUID> pool = new ArrayList<>(candidates);
        java.util.Collections.shuffle(pool, new Random(seed));
        List<UUID> sample = pool.subList(0, Math.min(settings.dossierControlSample(), pool.size()));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into vc_dossier_control (id, centre_id, drawn_on, drawn_by) values (?,?,?,?)")
                .params(id, centreId, today(), actor.username()).update();
        for (UUID voucher : sample) {
            jdbc.sql("""
                    insert into vc_dossier_control_item (control_id, voucher_id, agreement_ok, pop_ok, hours_ok)
                    select ?, v.id, v.agreement_present, v.pop_present or v.status <> 'CLOSED',
                      coalesce((select sum(half_hours) from vc_session s where s.voucher_id = v.id and s.cancelled_at is null), 0) <= v.hours * 2
                      and not exists (select 1 from vc_session s where s.voucher_id = v.id and s.cancelled_at is null and s.session_date < v.taken_over_on)
                    from vc_voucher v where v.id = ?""")
                    .params(id, voucher).update();
        }
        return id;
    }

    public List<ControlItem> controlItems(UUID controlId) {
        return jdbc.sql("""
                select i.voucher_id, v.code, i.agreement_ok, i.pop_ok, i.hours_ok from vc_dossier_control_item i
                join vc_voucher v on v.id = i.voucher_id where i.control_id = ? order by v.code""")
                .param(controlId).query((rs, i) -> new ControlItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * Stimulus financing for a reference year, for centres that opted in: at least 30% of guidances started for
     * disadvantaged groups and at least 20 guidances; disadvantaged guidances above 60% of the total are not paid.
     */
    public List<StimulusResult> stimulus(int year) {
        new Validator().range("year", year, be.werkregie.shared.Validator.EARLIEST.getYear(), be.werkregie.shared.Validator.LATEST.getYear())
                .throwIfInvalid();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        record Row(UUID centre, String name, UUID person) {}
        List<Row> rows = jdbc.sql("""
                select v.centre_id, o.name, v.person_id from vc_voucher v join vc_centre c on c.organisation_id = v.centre_id
                join identity_v_organisation o on o.id = v.centre_id where c.stimulus_opt_in and v.taken_over_on between ? and ?""")
                .params(from, to).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        Map<UUID, int[]> counts = new java.util.LinkedHashMap<>();
        Map<UUID, String> names = new java.util.HashMap<>();
        for (Row r : rows) {
            Person p = people.getForSystem(r.person(), "stimulus financing");
            int[] c = counts.computeIfAbsent(r.centre(), k -> new int[2]);
            c[0]++;
            if (p.inDisadvantagedGroup(to)) {
                c[1]++;
            }
            names.put(r.centre(), r.name());
        }
        List<StimulusResult> out = new ArrayList<>();
        // the parameters in force at the end of the reference year (dated policy)
        VoucherSettings.Stimulus stimulus = VoucherPolicies.stimulusOn(policies, to);
        counts.forEach((centre, c) -> out.add(stimulusFor(centre, names.get(centre), c[0], c[1], stimulus)));
        out.sort(java.util.Comparator.comparing(StimulusResult::centreName));
        return out;
    }

    static StimulusResult stimulusFor(UUID centre, String name, int guidances, int disadvantaged, VoucherSettings.Stimulus s) {
        BigDecimal share = guidances == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(disadvantaged).divide(BigDecimal.valueOf(guidances), 4, RoundingMode.HALF_UP);
        boolean qualifies = guidances >= s.minGuidances() && share.compareTo(s.minShare()) >= 0;
        int cap = BigDecimal.valueOf(guidances).multiply(s.maxPaidShare()).setScale(0, RoundingMode.FLOOR).intValue();
        int paid = qualifies ? Math.min(disadvantaged, cap) : 0;
        return new StimulusResult(centre, name, guidances, disadvantaged, share, qualifies, paid,
                new Money(s.amountPerGuidance().multiply(BigDecimal.valueOf(paid))));
    }

    private static final String COMPLAINT_SELECT = """
            select c.id, c.voucher_id, v.code, o.name, c.category, c.concerns_date, c.filed_on, c.description, c.admissible,
              c.status, c.outcome, c.remedy, c.decision_note, c.decided_on
            from vc_complaint c join vc_voucher v on v.id = c.voucher_id left join identity_v_organisation o on o.id = c.centre_id""";

    private static Complaint mapComplaint(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Complaint(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getBoolean(9), Complaint.Status.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, LocalDate.class));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
