package be.werkregie.guidance;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Role;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Pdf;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

/**
 * Payment runs for formal outputs and result fees, with a statement per partner (CSV and PDF), idempotent on the run
 * key, one run at a time; and the KPIs per partner and overall.
 */
@Service
public class GuidancePayments {

    public record Line(String kind, String reference, LocalDate date, String client, Money amount) {}

    public record Kpi(UUID partnerId, String partnerName, int started, Double daysToStart, Double daysToWork, Integer workWithin6MonthsPct,
                      int ended, int stopsWithMotivation, Double outputsPerTrajectory) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    private final be.werkregie.audit.AuditTrail audit;


    private final be.werkregie.platform.PaymentRuns paymentRuns;
    private final be.werkregie.platform.Statements statements;

    GuidancePayments(be.werkregie.platform.PaymentRuns paymentRuns, be.werkregie.platform.Statements statements, be.werkregie.audit.AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.paymentRuns = paymentRuns;
        this.statements = statements;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Pays every unpaid output registered up to the date and every verified result fee, through the platform's payment
     * mechanism ({@link be.werkregie.platform.PaymentRuns}): the outputs and fees are claimed atomically and the lines are
     * written from exactly the claimed rows, at the amount frozen on each (the output fee of its kind, the result fee of
     * the schedule in force at the start). Idempotent on the run key.
     */
    public UUID run(LocalDate until, String runKey, CurrentUser actor) {
        return paymentRuns.run(scheme, until, runKey, actor).runId();
    }

    /** A claimed payable item: an output or a result fee of a trajectory. */
    record Claimed(UUID trajectoryId, UUID partnerId, String kind, String reference, BigDecimal amount) {}

    private final be.werkregie.platform.PaymentRuns.Scheme<Claimed> scheme = new be.werkregie.platform.PaymentRuns.Scheme<>() {
        @Override
        public String name() {
            return "GUIDANCE";
        }

        @Override
        public long lockKey() {
            return 9030;
        }

        @Override
        public Optional<UUID> runByKey(String runKey) {
            return jdbc.sql("select id from gd_payment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        }

        @Override
        public void insertRun(UUID runId, String runKey, LocalDate until, String createdBy) {
            jdbc.sql("insert into gd_payment_run (id, run_key, until, created_by) values (?,?,?,?)")
                    .params(runId, runKey, until, createdBy).update();
        }

        @Override
        public List<Claimed> claim(UUID runId, LocalDate until) {
            List<Claimed> claimed = new java.util.ArrayList<>(jdbc.sql("""
                    with c as (
                      update gd_action a set payment_run_id = ? where a.formal_output and a.payment_run_id is null and a.cancelled_at is null
                        and a.occurred_on <= ?
                      returning a.trajectory_id, a.kind, a.occurred_on, a.amount)
                    select c.trajectory_id, t.partner_id, 'OUTPUT', c.kind || ' ' || c.occurred_on, c.amount
                    from c join gd_trajectory t on t.id = c.trajectory_id""").params(runId, until).query(GuidancePayments::claimed).list());
            claimed.addAll(jdbc.sql("""
                    with c as (
                      update gd_result_fee f set payment_run_id = ?
                      where f.payment_run_id is null and f.status = ? and f.verified_on <= ?
                      returning f.trajectory_id, f.amount)
                    select c.trajectory_id, t.partner_id, 'RESULT_FEE', 'work ' || t.work_start, c.amount
                    from c join gd_trajectory t on t.id = c.trajectory_id""")
                    .params(runId, ResultFeeStatus.VERIFIED.name(), until).query(GuidancePayments::claimed).list());
            return claimed;
        }

        /** The amount was frozen on the row when it became payable: the line pays exactly that. */
        @Override
        public List<be.werkregie.platform.PaymentRuns.PricedLine<Claimed>> price(UUID runId, List<Claimed> claimed) {
            return claimed.stream().map(c -> new be.werkregie.platform.PaymentRuns.PricedLine<>(c.partnerId(), c, new Money(c.amount())))
                    .toList();
        }

        @Override
        public void writeLines(UUID runId, List<be.werkregie.platform.PaymentRuns.PricedLine<Claimed>> lines) {
            for (var l : lines) {
                jdbc.sql("""
                        insert into gd_payment_line (run_id, partner_id, trajectory_id, kind, reference, amount) values (?,?,?,?,?,?)""")
                        .params(runId, l.payeeId(), l.claimed().trajectoryId(), l.claimed().kind(), l.claimed().reference(),
                                l.amount().amount()).update();
            }
        }
    };

    private static Claimed claimed(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getBigDecimal(5));
    }

    public List<Map<String, Object>> runs() {
        return jdbc.sql("""
                select r.id, r.run_key, r.until, r.created_at, count(l.trajectory_id) as lines, coalesce(sum(l.amount), 0) as total
                from gd_payment_run r left join gd_payment_line l on l.run_id = r.id group by r.id order by r.created_at desc limit 50""")
                .query().listOfRows();
    }

    /** A partner's part of a run: its lines and total (for the links to its statement). */
    public record PartnerInRun(UUID runId, String runKey, LocalDate until, UUID partnerId, String partnerName, int lines, Money total) {}

    private static final String PARTNERS_IN_RUNS = """
            select r.id, r.run_key, r.until, l.partner_id, o.name, count(*), sum(l.amount)
            from gd_payment_line l join gd_payment_run r on r.id = l.run_id join identity_v_organisation o on o.id = l.partner_id""";

    private static PartnerInRun partnerInRun(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PartnerInRun(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getInt(6), new Money(rs.getBigDecimal(7)));
    }

    /** Every partner paid in the recent runs, for the administrators' links to the statements. */
    public List<PartnerInRun> partnersInRuns(CurrentUser actor) {
        if (!actor.hasAny(Role.ADMINISTRATOR, Role.ANALYST)) {
            return List.of();
        }
        return jdbc.sql(PARTNERS_IN_RUNS + """
                 where r.id in (select id from gd_payment_run order by created_at desc limit 10)
                group by r.id, r.run_key, r.until, r.created_at, l.partner_id, o.name order by r.created_at desc, o.name""")
                .query(GuidancePayments::partnerInRun).list();
    }

    /** The runs in which the signed-in partner was paid, newest first. */
    public List<PartnerInRun> ownRuns(CurrentUser actor) {
        if (actor.organisationKind() != OrganisationKind.PARTNER || actor.organisationId() == null) {
            return List.of();
        }
        return jdbc.sql(PARTNERS_IN_RUNS + """
                 where l.partner_id = ? group by r.id, r.run_key, r.until, r.created_at, l.partner_id, o.name
                order by r.created_at desc limit 50""").param(actor.organisationId()).query(GuidancePayments::partnerInRun).list();
    }

    /** A partner's statement: the partner itself, administrators and analysts only. */
    public List<Line> statement(UUID runId, UUID partnerId, CurrentUser actor) {
        boolean own = actor.organisationKind() == OrganisationKind.PARTNER && partnerId.equals(actor.organisationId());
        if (!own && !actor.hasAny(Role.ADMINISTRATOR, Role.ANALYST)) {
            throw new NotFoundException("statement");
        }
        java.util.List<UUID> persons = new java.util.ArrayList<>();
        List<Line> lines = jdbc.sql("""
                select l.kind, l.reference, r.until, p.first_name || ' ' || substr(p.last_name, 1, 1) || '.', l.amount, t.person_id
                from gd_payment_line l join gd_payment_run r on r.id = l.run_id join gd_trajectory t on t.id = l.trajectory_id
                join people_v_person p on p.id = t.person_id where l.run_id = ? and l.partner_id = ? order by l.kind, l.reference""")
                .params(runId, partnerId).query((rs, i) -> {
                    persons.add(rs.getObject(6, UUID.class));
                    return new Line(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            new Money(rs.getBigDecimal(5)));
                })
                .list();
        // a statement names clients: every client on it is an audited read (one write for the whole statement)
        audit.recordReads(actor, persons, "GUIDANCE", "payment statement");
        return lines;
    }

    /** A partner's statement of a run as the platform's common statement document. */
    be.werkregie.platform.Statements.Statement statementDocument(String partnerName, List<Line> lines, boolean codes) {
        var columns = List.of(new be.werkregie.platform.Statements.Column("kind", "Soort", be.werkregie.platform.Statements.Column.Kind.TEXT),
                new be.werkregie.platform.Statements.Column("reference", "Referentie", be.werkregie.platform.Statements.Column.Kind.TEXT),
                new be.werkregie.platform.Statements.Column("client", "Klant", be.werkregie.platform.Statements.Column.Kind.TEXT),
                new be.werkregie.platform.Statements.Column("amount", "Bedrag", be.werkregie.platform.Statements.Column.Kind.MONEY));
        var rows = lines.stream().map(l -> new be.werkregie.platform.Statements.Row(List.of(
                codes ? l.kind() : "OUTPUT".equals(l.kind()) ? "Output" : "Resultaatsvergoeding", l.reference(), l.client(), l.amount()))).toList();
        String period = lines.isEmpty() ? "" : "Outputs en resultaten tot en met "
                + lines.get(0).date().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return new be.werkregie.platform.Statements.Statement("Betalingsoverzicht bemiddeling en begeleiding", partnerName, period,
                LocalDate.now(clock), columns, rows, "amount", lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus), List.of());
    }

    /** The CSV keeps the codes (OUTPUT, RESULT_FEE) for the systems that read it. */
    public String csv(List<Line> lines) {
        return be.werkregie.platform.Statements.csv(statementDocument("", lines, true));
    }

    public byte[] pdf(String partnerName, List<Line> lines) {
        return statements.pdf(statementDocument(partnerName, lines, false));
    }

    /** KPIs with shared definitions, per partner (and overall with partnerId null in the last row). */
    public List<Kpi> kpis() {
        String sql = """
                select t.partner_id, o.name, count(*),
                  avg(t.started_on - r.referred_on),
                  avg(t.work_start - t.started_on) filter (where t.status = 'WORK_FOUND'),
                  case when count(*) filter (where t.status <> 'ACTIVE' or t.goal_date < ?) = 0 then null else
                    round(100.0 * count(*) filter (where t.status = 'WORK_FOUND' and t.work_start <= t.goal_date)
                      / count(*) filter (where t.status <> 'ACTIVE' or t.goal_date < ?)) end,
                  count(*) filter (where t.status <> 'ACTIVE'),
                  count(*) filter (where t.status = 'STOPPED' and t.stop_motivation is not null),
                  (select count(*) from gd_action a join gd_trajectory x on x.id = a.trajectory_id
                   where a.formal_output and a.cancelled_at is null and (t.partner_id is null or x.partner_id = t.partner_id))::numeric / count(*)
                from gd_trajectory t join gd_referral r on r.id = t.referral_id join identity_v_organisation o on o.id = t.partner_id
                group by grouping sets ((t.partner_id, o.name), ()) order by o.name nulls last""";
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(sql).params(today, today).query((rs, i) -> new Kpi(rs.getObject(1, UUID.class), rs.getString(2) == null ? "Alle partners" : rs.getString(2),
                rs.getInt(3), dbl(rs.getBigDecimal(4)), dbl(rs.getBigDecimal(5)), (Integer) (rs.getObject(6) == null ? null : rs.getInt(6)),
                rs.getInt(7), rs.getInt(8), dbl(rs.getBigDecimal(9)))).list();
    }

    private static Double dbl(BigDecimal b) {
        return b == null ? null : b.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
