package be.werkregie.vouchers;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Payment runs: the employment service pays what was effectively performed, in half hours, at the tariff of the
 * session date, with VAT for VAT-liable centres. A run is idempotent on its key and pays every session at most once.
 */
@Service
public class Payments {

    public record Run(UUID id, String runKey, LocalDate performedUntil, OffsetDateTime createdAt, String createdBy,
                      int lines, Money total) {}

    public record Line(UUID runId, UUID centreId, String centreName, UUID voucherId, String voucherCode, int halfHours,
                       Money exclVat, Money vat, Money inclVat, Money contribution) {

        /** What the voucher costs the employment service in this line: paid amount minus the citizen's contribution. */
        public Money netCost() {
            return inclVat.minus(contribution);
        }
    }

    private final JdbcClient jdbc;
    private final VoucherSettings settings;
    private final Vouchers vouchers;
    private final Clock clock;

    private final be.werkregie.audit.AuditTrail audit;

    private final be.werkregie.policy.Policies policies;

    private final be.werkregie.platform.PaymentRuns paymentRuns;
    private final be.werkregie.platform.Statements statements;

    Payments(be.werkregie.platform.PaymentRuns paymentRuns, be.werkregie.platform.Statements statements, be.werkregie.policy.Policies policies, be.werkregie.audit.AuditTrail audit, JdbcClient jdbc, VoucherSettings settings, Vouchers vouchers, Clock clock) {
        this.paymentRuns = paymentRuns;
        this.statements = statements;
        this.policies = policies;
        this.audit = audit;
        this.jdbc = jdbc;
        this.settings = settings;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /** A session claimed by a run: what the pricing rule needs. */
    record ClaimedSession(UUID voucherId, UUID centreId, LocalDate date, int halfHours) {}

    /** The priced line of one voucher in a run: its sessions, half hours, amounts and the citizen's contribution. */
    record VoucherLine(UUID voucherId, UUID centreId, int halfHours, Tariffs.Amount amount, BigDecimal contribution) {}

    /**
     * Pays the sessions performed up to the date through the platform's payment mechanism ({@link
     * be.werkregie.platform.PaymentRuns}): claimed atomically, priced by {@link Tariffs#forSessions} at the tariff and VAT
     * of each session's date, one line per voucher, recoveries settled in the same run. Idempotent on the run key.
     */
    public Run run(LocalDate performedUntil, String runKey, CurrentUser actor) {
        var outcome = paymentRuns.run(scheme, performedUntil, runKey, actor);
        return find(outcome.runId()).orElseThrow();
    }

    private final be.werkregie.platform.PaymentRuns.Scheme<VoucherLine> scheme = new be.werkregie.platform.PaymentRuns.Scheme<>() {
        @Override
        public String name() {
            return "VOUCHERS";
        }

        @Override
        public long lockKey() {
            return 7020;
        }

        @Override
        public String dateField() {
            return "performedUntil";
        }

        @Override
        public Optional<UUID> runByKey(String runKey) {
            return jdbc.sql("select id from vc_payment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        }

        @Override
        public void insertRun(UUID runId, String runKey, LocalDate until, String createdBy) {
            vouchers.lapseExpired();
            jdbc.sql("insert into vc_payment_run (id, run_key, performed_until, created_by) values (?,?,?,?)")
                    .params(runId, runKey, until, createdBy).update();
        }

        /** One claimed item per voucher: its sessions are claimed by one statement and grouped for pricing. */
        @Override
        public List<VoucherLine> claim(UUID runId, LocalDate until) {
            List<ClaimedSession> claimed = jdbc.sql("""
                    update vc_session set payment_run_id = ? where payment_run_id is null and cancelled_at is null and session_date <= ?
                    returning voucher_id, centre_id, session_date, half_hours""")
                    .params(runId, until).query((rs, i) -> new ClaimedSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, LocalDate.class), rs.getInt(4)))
                    .list();
            return priceSessions(runId, claimed);
        }

        @Override
        public List<be.werkregie.platform.PaymentRuns.PricedLine<VoucherLine>> price(UUID runId, List<VoucherLine> claimed) {
            return claimed.stream().map(l -> new be.werkregie.platform.PaymentRuns.PricedLine<>(l.centreId(), l, l.amount().inclVat()))
                    .toList();
        }

        @Override
        public void writeLines(UUID runId, List<be.werkregie.platform.PaymentRuns.PricedLine<VoucherLine>> lines) {
            for (var line : lines) {
                VoucherLine l = line.claimed();
                jdbc.sql("""
                        insert into vc_payment_line (run_id, centre_id, voucher_id, half_hours, amount_excl_vat, vat, amount_incl_vat,
                          contribution) values (?,?,?,?,?,?,?,?)""")
                        .params(runId, l.centreId(), l.voucherId(), l.halfHours(), l.amount().exclVat().amount(),
                                l.amount().vat().amount(), l.amount().inclVat().amount(), l.contribution()).update();
            }
        }

        /** Recoveries the same way: claimed by this run in one statement, and the statement lists exactly those. */
        @Override
        public void settleDeductions(UUID runId) {
            jdbc.sql("update vc_recovery set settled_in_run = ? where settled_in_run is null returning id").param(runId)
                    .query(UUID.class).list();
        }
    };

    /**
     * The pricing rule of a run: the claimed sessions per voucher, priced by {@link Tariffs#forSessions} with the tariff
     * and VAT in force on each session's date (VAT only for VAT-liable centres); the citizen's contribution is credited
     * on the voucher's first line only.
     */
    private List<VoucherLine> priceSessions(UUID runId, List<ClaimedSession> claimed) {
        Map<UUID, List<ClaimedSession>> byVoucher = new LinkedHashMap<>();
        claimed.stream().sorted(java.util.Comparator.comparing(ClaimedSession::voucherId))
                .forEach(c -> byVoucher.computeIfAbsent(c.voucherId(), k -> new ArrayList<>()).add(c));
        if (byVoucher.isEmpty()) {
            return List.of();
        }
        record VoucherFacts(boolean contributionPaid, boolean earlierLine) {}
        Map<UUID, VoucherFacts> facts = new java.util.HashMap<>();
        Map<UUID, Boolean> vatLiable = new java.util.HashMap<>();
        jdbc.sql("""
                select v.id, v.contribution_paid_at is not null,
                  exists (select 1 from vc_payment_line l where l.voucher_id = v.id and l.run_id <> ?)
                from vc_voucher v where v.id = any(?)""")
                .params(runId, byVoucher.keySet().toArray(new UUID[0]))
                .query((rs, i) -> facts.put(rs.getObject(1, UUID.class), new VoucherFacts(rs.getBoolean(2), rs.getBoolean(3))))
                .list();
        jdbc.sql("select organisation_id, vat_liable from vc_centre where organisation_id = any(?)")
                .param(claimed.stream().map(ClaimedSession::centreId).distinct().toArray(UUID[]::new))
                .query((rs, i) -> vatLiable.put(rs.getObject(1, UUID.class), rs.getBoolean(2))).list();
        List<VoucherLine> lines = new ArrayList<>();
        for (var e : byVoucher.entrySet()) {
            List<ClaimedSession> sessions = e.getValue();
            VoucherFacts f = facts.get(e.getKey());
            Tariffs.Amount amount = Tariffs.forSessions(sessions.stream().map(c -> new Tariffs.Session(c.date(), c.halfHours())).toList(),
                    vatLiable.getOrDefault(sessions.get(0).centreId(), true),
                    d -> policies.decimalOn(VoucherPolicies.TARIFF, d), d -> policies.decimalOn(VoucherPolicies.VAT, d));
            int halfHours = sessions.stream().mapToInt(ClaimedSession::halfHours).sum();
            BigDecimal contribution = f.contributionPaid() && !f.earlierLine()
                    ? policies.decimalOn(VoucherPolicies.CONTRIBUTION, sessions.get(0).date()) : BigDecimal.ZERO;
            lines.add(new VoucherLine(e.getKey(), sessions.get(0).centreId(), halfHours, amount, contribution));
        }
        return lines;
    }

    public Optional<Run> find(UUID runId) {
        return jdbc.sql("""
                select r.id, r.run_key, r.performed_until, r.created_at, r.created_by, count(l.voucher_id),
                  coalesce(sum(l.amount_incl_vat), 0)
                from vc_payment_run r left join vc_payment_line l on l.run_id = r.id where r.id = ?
                group by r.id""")
                .param(runId).query((rs, i) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), new Money(rs.getBigDecimal(7))))
                .optional();
    }

    public List<Run> runs() {
        return runsWhere("", List.of());
    }

    /** The runs in which the centre was paid, with the centre's own totals. */
    public List<Run> runsOfCentre(UUID centreId) {
        return runsWhere(" where l.centre_id = ?", List.of(centreId));
    }

    private List<Run> runsWhere(String where, List<Object> params) {
        return jdbc.sql("select r.id, r.run_key, r.performed_until, r.created_at, r.created_by, count(l.voucher_id),"
                        + " coalesce(sum(l.amount_incl_vat), 0) from vc_payment_run r left join vc_payment_line l on l.run_id = r.id"
                        + where + " group by r.id order by r.created_at desc limit 100")
                .params(params).query((rs, i) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), new Money(rs.getBigDecimal(7))))
                .list();
    }

    /** The lines of one run for one centre. A centre only ever gets its own statement. */
    public List<Line> statement(UUID runId, UUID centreId, CurrentUser actor) {
        requireStatementAccess(centreId, actor);
        List<UUID> persons = new ArrayList<>();
        List<Line> lines = jdbc.sql("""
                select l.run_id, l.centre_id, o.name, l.voucher_id, v.code, l.half_hours, l.amount_excl_vat, l.vat,
                  l.amount_incl_vat, l.contribution, v.person_id
                from vc_payment_line l join identity_v_organisation o on o.id = l.centre_id join vc_voucher v on v.id = l.voucher_id
                where l.run_id = ? and l.centre_id = ? order by v.code""")
                .params(runId, centreId).query((rs, i) -> {
                    persons.add(rs.getObject(11, UUID.class));
                    return new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), new Money(rs.getBigDecimal(7)),
                        new Money(rs.getBigDecimal(8)), new Money(rs.getBigDecimal(9)), new Money(rs.getBigDecimal(10)));
                })
                .list();
        // a statement lists the clients' vouchers: each client on it is an audited read, in one write
        audit.recordReads(actor, persons, "VOUCHERS", "payment statement");
        return lines;
    }

    private static void requireStatementAccess(UUID centreId, CurrentUser actor) {
        boolean staff = actor.hasAny(Role.ADMINISTRATOR, Role.ANALYST) || actor.has(Role.MEDIATOR) && actor.worksForEmploymentService();
        boolean ownCentre = actor.organisationKind() == OrganisationKind.CAREER_CENTRE && centreId.equals(actor.organisationId());
        if (!staff && !ownCentre) {
            throw new NotFoundException("statement");
        }
    }

    /** An amount taken back from a centre (complaint refund or final sanction), deducted in the run that settles it. */
    public record Recovery(String voucherCode, String reason, Money amount) {}

    public List<Recovery> recoveries(UUID runId, UUID centreId, CurrentUser actor) {
        requireStatementAccess(centreId, actor);
        return jdbc.sql("""
                select v.code, r.reason, r.amount from vc_recovery r left join vc_voucher v on v.id = r.voucher_id
                where r.settled_in_run = ? and r.centre_id = ? order by r.created_at, r.id""")
                .params(runId, centreId).query((rs, i) -> new Recovery(rs.getString(1), rs.getString(2), new Money(rs.getBigDecimal(3))))
                .list();
    }

    /** Centres with lines in a run, with their totals incl. VAT. */
    public List<Map<String, Object>> centresInRun(UUID runId) {
        return jdbc.sql("""
                select l.centre_id as id, o.name as name, count(*) as vouchers, sum(l.half_hours) as half_hours,
                  sum(l.amount_incl_vat) as total,
                  coalesce((select sum(r.amount) from vc_recovery r where r.settled_in_run = l.run_id and r.centre_id = l.centre_id), 0)
                    as recovered
                from vc_payment_line l join identity_v_organisation o on o.id = l.centre_id
                where l.run_id = ? group by l.run_id, l.centre_id, o.name
                union all
                select r.centre_id, o.name, 0, 0, 0, sum(r.amount) from vc_recovery r join identity_v_organisation o on o.id = r.centre_id
                where r.settled_in_run = ? and not exists (select 1 from vc_payment_line l where l.run_id = ? and l.centre_id = r.centre_id)
                group by r.centre_id, o.name
                order by name""")
                .params(runId, runId, runId).query().listOfRows();
    }

    /** The centre's statement of a run as the platform's common statement document. */
    be.werkregie.platform.Statements.Statement statementDocument(Run run, String centreName, List<Line> lines, List<Recovery> recoveries) {
        var columns = List.of(new be.werkregie.platform.Statements.Column("voucher", "Cheque", be.werkregie.platform.Statements.Column.Kind.TEXT),
                new be.werkregie.platform.Statements.Column("half_hours", "Halve uren", be.werkregie.platform.Statements.Column.Kind.COUNT),
                new be.werkregie.platform.Statements.Column("amount_excl_vat", "Excl. btw", be.werkregie.platform.Statements.Column.Kind.MONEY),
                new be.werkregie.platform.Statements.Column("vat", "Btw", be.werkregie.platform.Statements.Column.Kind.MONEY),
                new be.werkregie.platform.Statements.Column("amount_incl_vat", "Incl. btw", be.werkregie.platform.Statements.Column.Kind.MONEY),
                new be.werkregie.platform.Statements.Column("citizen_contribution", "Eigen bijdrage", be.werkregie.platform.Statements.Column.Kind.MONEY),
                new be.werkregie.platform.Statements.Column("net_cost_pes", "Nettokost", be.werkregie.platform.Statements.Column.Kind.MONEY));
        var rows = lines.stream().map(l -> new be.werkregie.platform.Statements.Row(List.of(l.voucherCode(), l.halfHours(), l.exclVat(),
                l.vat(), l.inclVat(), l.contribution(), l.netCost()))).toList();
        var deductions = recoveries.stream().map(r -> new be.werkregie.platform.Statements.Deduction(r.voucherCode(), r.reason(), r.amount()))
                .toList();
        String period = run == null ? "" : "Gesprekken tot en met " + run.performedUntil().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return new be.werkregie.platform.Statements.Statement("Betalingsoverzicht loopbaancheques", centreName, period, LocalDate.now(clock),
                columns, rows, "amount_incl_vat", lines.stream().map(Line::inclVat).reduce(Money.ZERO, Money::plus), deductions);
    }

    public String statementCsv(List<Line> lines, List<Recovery> recoveries) {
        return be.werkregie.platform.Statements.csv(statementDocument(null, "", lines, recoveries), "amount_incl_vat", "net_cost_pes");
    }

    public byte[] statementPdf(Run run, String centreName, List<Line> lines, List<Recovery> recoveries) {
        return statements.pdf(statementDocument(run, centreName, lines, recoveries));
    }
}
