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
import org.thymeleaf.spring6.SpringTemplateEngine;

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
    private final SpringTemplateEngine templates;
    private final Clock clock;

    private final be.werkregie.audit.AuditTrail audit;

    private final org.springframework.context.ApplicationEventPublisher events;

    GuidancePayments(org.springframework.context.ApplicationEventPublisher events, be.werkregie.audit.AuditTrail audit, JdbcClient jdbc, SpringTemplateEngine templates, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /** Pays every unpaid output registered up to the date and every result fee of a trajectory ended with work by then. */
    @Transactional
    public UUID run(LocalDate until, String runKey, CurrentUser actor) {
        Validator v = new Validator().required("runKey", runKey, 100);
        v.check(until != null, "until", "validation.date");
        v.pastOrToday("until", until, clock);
        v.throwIfInvalid();
        Optional<UUID> existing = jdbc.sql("select id from gd_payment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(9030)").query(Object.class).single();
        existing = jdbc.sql("select id from gd_payment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into gd_payment_run (id, run_key, until, created_by) values (?,?,?,?)")
                .params(id, runKey, until, actor.username()).update();
        // Claim and line in one statement each: the rows this run marks as paid are exactly the rows it writes lines
        // for (an output or fee committed meanwhile is not claimed and waits for the next run).
        jdbc.sql("""
                with claimed as (
                  update gd_action a set payment_run_id = ? where a.formal_output and a.payment_run_id is null and a.occurred_on <= ?
                  returning a.trajectory_id, a.kind, a.occurred_on, a.amount)
                insert into gd_payment_line (run_id, partner_id, trajectory_id, kind, reference, amount)
                select ?, t.partner_id, t.id, 'OUTPUT', c.kind || ' ' || c.occurred_on, c.amount
                from claimed c join gd_trajectory t on t.id = c.trajectory_id""").params(id, until, id).update();
        jdbc.sql("""
                with claimed as (
                  update gd_result_fee f set payment_run_id = ? from gd_trajectory t
                  where t.id = f.trajectory_id and f.payment_run_id is null and f.status = 'VERIFIED' and f.verified_on <= ?
                  returning f.trajectory_id, f.amount)
                insert into gd_payment_line (run_id, partner_id, trajectory_id, kind, reference, amount)
                select ?, t.partner_id, t.id, 'RESULT_FEE', 'work ' || t.work_start, c.amount
                from claimed c join gd_trajectory t on t.id = c.trajectory_id""").params(id, until, id).update();
        var totals = jdbc.sql("select count(*), coalesce(sum(amount), 0) from gd_payment_line where run_id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
        events.publishEvent(new be.werkregie.shared.PaymentRunCompleted("GUIDANCE", id, runKey, (Integer) totals[0],
                (java.math.BigDecimal) totals[1]));
        return id;
    }

    public List<Map<String, Object>> runs() {
        return jdbc.sql("""
                select r.id, r.run_key, r.until, r.created_at, count(l.trajectory_id) as lines, coalesce(sum(l.amount), 0) as total
                from gd_payment_run r left join gd_payment_line l on l.run_id = r.id group by r.id order by r.created_at desc limit 50""")
                .query().listOfRows();
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

    public String csv(List<Line> lines) {
        StringBuilder b = new StringBuilder("kind;reference;client;amount\n");
        lines.forEach(l -> b.append(l.kind()).append(';').append(l.reference()).append(';').append(l.client()).append(';')
                .append(l.amount().amount().toPlainString()).append('\n'));
        return b.toString();
    }

    public byte[] pdf(String partnerName, List<Line> lines) {
        Context ctx = new Context(Locale.forLanguageTag("nl"));
        ctx.setVariable("partnerName", partnerName);
        ctx.setVariable("lines", lines);
        ctx.setVariable("total", lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus));
        ctx.setVariable("date", LocalDate.now(clock));
        return Pdf.fromHtml(templates.process("guidance/statement-pdf", ctx));
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
                   where a.formal_output and (t.partner_id is null or x.partner_id = t.partner_id))::numeric / count(*)
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
