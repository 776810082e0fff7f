package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.platform.PaymentRuns;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly campus invoices through the platform's one run mechanism ({@link PaymentRuns}: idempotent on the run key, one
 * run at a time, claim exactly, price, line): the use-agreement fees and the partnerships' shared use (priced per
 * booking when it was made), each active partnership's dedicated m² and each lease's rent and flat costs per month (an
 * agreement month is charged once), and the lease settlements entered since. One invoice per agreement, numbered per
 * year without gaps (the counter moves in the run's transaction, under the run's lock: a failed run leaves no hole), each
 * line traceable to its booking, agreement month or settlement. An issued invoice is never edited: a credit note
 * cancels it whole and releases what it charged for the next run.
 */
@Service
public class CampusInvoices {

    /** A claimed or priced item: where it comes from, what it says, how many at which unit price. */
    record Item(String source, UUID sourceId, UUID agreementId, String description, BigDecimal quantity, BigDecimal unitPrice, LocalDate month) {}

    public record Invoice(UUID id, String number, String kind, UUID credits, UUID campusId, UUID agreementId, String holderName, String holderVat,
                          LocalDate issuedOn, LocalDate dueOn, LocalDate periodFrom, LocalDate periodUntil, Money net, Money vat, Money total,
                          String reason) {}

    public record Line(int position, String source, UUID sourceId, String description, BigDecimal quantity, Money unitPrice, Money net,
                       BigDecimal vatRate) {}

    private final JdbcClient jdbc;
    private final PaymentRuns runs;
    private final Campuses campuses;
    private final CampusPolicies policies;
    private final Clock clock;

    CampusInvoices(JdbcClient jdbc, PaymentRuns runs, Campuses campuses, CampusPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.campuses = campuses;
        this.policies = policies;
        this.clock = clock;
    }

    /** Runs the invoicing up to a date (normally the last day of the month). Idempotent on the key. */
    public PaymentRuns.Outcome run(LocalDate until, String runKey, CurrentUser actor) {
        if (!actor.has(be.werkregie.identity.Role.ADMINISTRATOR) && !actor.has(be.werkregie.identity.Role.CAMPUS_MANAGER)) {
            throw new NotFoundException("invoices");
        }
        return runs.run(scheme, until, runKey, actor);
    }

    final PaymentRuns.Scheme<Item> scheme = new PaymentRuns.Scheme<>() {
        @Override
        public String name() {
            return "CAMPUS";
        }

        @Override
        public long lockKey() {
            return 9040;
        }

        @Override
        public Optional<UUID> runByKey(String runKey) {
            return jdbc.sql("select id from cp_invoice_run where run_key = ?").param(runKey).query(UUID.class).optional();
        }

        @Override
        public void insertRun(UUID runId, String runKey, LocalDate until, String createdBy) {
            jdbc.sql("insert into cp_invoice_run (id, run_key, until_date, created_by, created_at) values (?,?,?,?,?)")
                    .params(runId, runKey, until, createdBy, OffsetDateTime.now(clock)).update();
        }

        @Override
        public List<Item> claim(UUID runId, LocalDate until) {
            List<Item> out = new ArrayList<>(jdbc.sql("""
                    with c as (
                      update cp_booking b set invoice_run_id = ? where b.invoice_run_id is null and b.status = 'CONFIRMED' and b.price > 0
                        and b.agreement_id is not null and b.on_date <= ?
                      returning b.id, b.agreement_id, b.space_id, b.on_date, b.day_part, b.price, b.tariff)
                    select c.id, c.agreement_id, s.name || ' · ' || to_char(c.on_date, 'DD/MM/YYYY') || ' · ' || c.day_part || ' · ' || c.tariff, c.price,
                      date_trunc('month', c.on_date)::date
                    from c join cp_space s on s.id = c.space_id order by c.on_date""")
                    .params(runId, until)
                    .query((rs, i) -> new Item("BOOKING", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), BigDecimal.ONE,
                            rs.getBigDecimal(4), rs.getObject(5, LocalDate.class)))
                    .list());
            // every month of an active partnership or lease up to the date, once
            out.addAll(jdbc.sql("""
                    insert into cp_invoiced_month (agreement_id, month, run_id)
                    select a.id, m::date, ? from cp_agreement a
                      cross join generate_series(date_trunc('month', a.valid_from), date_trunc('month', least(a.valid_until, ?::date)), interval '1 month') m
                    where a.model in ('PARTNERSHIP', 'LEASE') and a.status in ('ACTIVE', 'ENDED') and a.valid_from <= ?
                    on conflict do nothing returning agreement_id, month""")
                    .params(runId, until, until)
                    .query((rs, i) -> new Item("MONTH", rs.getObject(1, UUID.class), rs.getObject(1, UUID.class), null, null, null,
                            rs.getObject(2, LocalDate.class)))
                    .list());
            out.addAll(jdbc.sql("""
                    update cp_settlement set invoice_run_id = ? where invoice_run_id is null and entered_at::date <= ?
                    returning id, agreement_id, period || ' · ' || description, amount""")
                    .params(runId, until)
                    .query((rs, i) -> new Item("SETTLEMENT", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), BigDecimal.ONE,
                            rs.getBigDecimal(4), null))
                    .list());
            return out;
        }

        @Override
        public List<PaymentRuns.PricedLine<Item>> price(UUID runId, List<Item> claimed) {
            List<PaymentRuns.PricedLine<Item>> out = new ArrayList<>();
            Map<UUID, Agreement> agreements = new LinkedHashMap<>();
            for (Item c : claimed) {
                if (!c.source().equals("MONTH")) {
                    out.add(new PaymentRuns.PricedLine<>(c.agreementId(), c, new Money(c.quantity().multiply(c.unitPrice()))));
                    continue;
                }
                Agreement a = agreements.computeIfAbsent(c.agreementId(), id -> campuses.agreement(id).orElseThrow());
                String month = c.month().toString().substring(0, 7);
                if (a.model() == Agreement.Model.LEASE) {
                    Money rent = Tariffs.leaseRent(a.monthlyRent(), a.sharedReduction());
                    out.add(line(a, "RENT", month + " · huur" + (a.sharedReduction() == null ? "" : " (−" + a.sharedReduction().movePointRight(2)
                            .stripTrailingZeros().toPlainString() + " % gedeeld gebruik)"), BigDecimal.ONE, rent.amount(), c.month()));
                    if (a.costsFlat() && a.monthlyCosts() != null) {
                        out.add(line(a, "COSTS", month + " · werkingskosten (forfait)", BigDecimal.ONE, a.monthlyCosts(), c.month()));
                    }
                } else {
                    boolean waived = a.rentWaivedYears().contains(c.month().getYear());
                    BigDecimal rate = policies.dedicatedM2(c.month());
                    for (UUID spaceId : campuses.dedicatedSpaces(a.id())) {
                        Campuses.Space s = campuses.space(spaceId).orElseThrow();
                        out.add(line(a, "DEDICATED", month + " · " + s.name() + " (" + s.areaM2().stripTrailingZeros().toPlainString() + " m², 100 %)"
                                + (waived ? " · kwijtgescholden tegen co-investering" : ""), s.areaM2(), waived ? BigDecimal.ZERO : rate, c.month()));
                    }
                }
            }
            return out;
        }

        private PaymentRuns.PricedLine<Item> line(Agreement a, String source, String description, BigDecimal qty, BigDecimal unit, LocalDate month) {
            Item i = new Item(source, a.id(), a.id(), description, qty, unit, month);
            return new PaymentRuns.PricedLine<>(a.id(), i, new Money(qty.multiply(unit)));
        }

        @Override
        public void writeLines(UUID runId, List<PaymentRuns.PricedLine<Item>> lines) {
            LocalDate until = jdbc.sql("select until_date from cp_invoice_run where id = ?").param(runId).query(LocalDate.class).single();
            Map<UUID, List<PaymentRuns.PricedLine<Item>>> byAgreement = new LinkedHashMap<>();
            for (var l : lines) {
                byAgreement.computeIfAbsent(l.payeeId(), k -> new ArrayList<>()).add(l);
            }
            for (Map.Entry<UUID, List<PaymentRuns.PricedLine<Item>>> e : byAgreement.entrySet()) {
                Agreement a = campuses.agreement(e.getKey()).orElseThrow();
                LocalDate from = e.getValue().stream().map(l -> l.claimed().month()).filter(java.util.Objects::nonNull).min(LocalDate::compareTo)
                        .orElse(until.withDayOfMonth(1));
                UUID invoice = issue(runId, "INVOICE", null, a, from, until, e.getValue().stream().map(l -> new Line(0, l.claimed().source(),
                        l.claimed().sourceId(), l.claimed().description(), l.claimed().quantity(), new Money(l.claimed().unitPrice()), l.amount(), null))
                        .toList(), null);
                jdbc.sql("update cp_booking set invoice_id = ? where invoice_run_id = ? and agreement_id = ?").params(invoice, runId, a.id()).update();
                jdbc.sql("update cp_settlement set invoice_id = ? where invoice_run_id = ? and agreement_id = ?").params(invoice, runId, a.id()).update();
                jdbc.sql("update cp_invoiced_month set invoice_id = ? where run_id = ? and agreement_id = ?").params(invoice, runId, a.id()).update();
            }
        }
    };

    /** Writes one invoice or credit note with the next number of the year (under the scheme's lock, in the caller's transaction). */
    private UUID issue(UUID runId, String kind, UUID credits, Agreement a, LocalDate from, LocalDate until, List<Line> lines, String reason) {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        jdbc.sql("insert into cp_invoice_counter (year, last) values (?, 0) on conflict do nothing").param(year).update();
        int seq = jdbc.sql("update cp_invoice_counter set last = last + 1 where year = ? returning last").param(year).query(Integer.class).single();
        BigDecimal rate = policies.vatRate(until);
        Money net = lines.stream().map(Line::net).reduce(Money.ZERO, Money::plus);
        Money vat = Tariffs.vat(net, rate);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cp_invoice (id, run_id, number, year, seq, kind, credits, campus_id, agreement_id, holder_name, holder_vat, issued_on,
                  due_on, period_from, period_until, net, vat, total, reason) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, runId, year + "-" + String.format("%06d", seq), year, seq, kind, credits, a.campusId(), a.id(), a.holderName(), a.holderVat(),
                        today, today.plusDays(policies.dueDays(today)), from, until, net.amount(), vat.amount(), net.plus(vat).amount(), reason)
                .update();
        int pos = 1;
        for (Line l : lines) {
            jdbc.sql("""
                    insert into cp_invoice_line (id, invoice_id, position, source, source_id, description, quantity, unit_price, net, vat_rate)
                    values (?,?,?,?,?,?,?,?,?,?)""")
                    .params(UUID.randomUUID(), id, pos++, l.source(), l.sourceId(), l.description(), l.quantity(), l.unitPrice().amount(), l.net().amount(),
                            rate).update();
        }
        return id;
    }

    /**
     * Cancels an issued invoice with a credit note for the whole of it (numbered in the same yearly sequence; an invoice is
     * credited once), and releases what it charged — bookings, months, settlements — for the next run, corrected.
     */
    @Transactional
    public Invoice creditNote(UUID invoiceId, String reason, CurrentUser actor) {
        Invoice inv = invoice(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
        if (!campuses.manages(actor, inv.campusId())) {
            throw new NotFoundException("invoice");
        }
        new Validator().required("reason", reason, 500).throwIfInvalid();
        if (!inv.kind().equals("INVOICE")) {
            throw new ConflictException("invoice", "campus.invoice.notAnInvoice");
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(scheme.lockKey()).query(Object.class).single();
        if (jdbc.sql("select count(*) from cp_invoice where credits = ?").param(invoiceId).query(Integer.class).single() > 0) {
            throw new ConflictException("invoice", "campus.invoice.alreadyCredited");
        }
        Agreement a = campuses.agreement(inv.agreementId()).orElseThrow();
        UUID credit = issue(null, "CREDIT_NOTE", invoiceId, a, inv.periodFrom(), inv.periodUntil(), lines(invoiceId), reason.trim());
        jdbc.sql("update cp_booking set invoice_id = null, invoice_run_id = null where invoice_id = ?").param(invoiceId).update();
        jdbc.sql("update cp_settlement set invoice_id = null, invoice_run_id = null where invoice_id = ?").param(invoiceId).update();
        jdbc.sql("delete from cp_invoiced_month where invoice_id = ?").param(invoiceId).update();
        return invoice(credit).orElseThrow();
    }

    private static final String INVOICE = """
            select id, number, kind, credits, campus_id, agreement_id, holder_name, holder_vat, issued_on, due_on, period_from, period_until,
              net, vat, total, reason from cp_invoice""";

    private static Invoice map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Invoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), new Money(rs.getBigDecimal(13)), new Money(rs.getBigDecimal(14)),
                new Money(rs.getBigDecimal(15)), rs.getString(16));
    }

    public Optional<Invoice> invoice(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql(INVOICE + " where id = ?").param(id).query(CampusInvoices::map).optional();
    }

    public List<Invoice> ofCampus(UUID campusId) {
        return jdbc.sql(INVOICE + " where campus_id = ? order by year desc, seq desc").param(campusId).query(CampusInvoices::map).list();
    }

    /** The invoices of the agreements an organisation holds (a partner sees its own). */
    public List<Invoice> ofHolder(UUID organisationId) {
        return jdbc.sql(INVOICE + " where agreement_id in (select id from cp_agreement where holder_org = ?) order by year desc, seq desc")
                .param(organisationId).query(CampusInvoices::map).list();
    }

    public List<Line> lines(UUID invoiceId) {
        return jdbc.sql("""
                select position, source, source_id, description, quantity, unit_price, net, vat_rate from cp_invoice_line where invoice_id = ?
                order by position""").param(invoiceId)
                .query((rs, i) -> new Line(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getBigDecimal(5),
                        new Money(rs.getBigDecimal(6)), new Money(rs.getBigDecimal(7)), rs.getBigDecimal(8)))
                .list();
    }

    /** An invoice for its campus's manager, an administrator or the holder's organisation; anyone else gets "not found". */
    public Invoice visible(UUID id, CurrentUser me) {
        Invoice inv = invoice(id).orElseThrow(() -> new NotFoundException("invoice"));
        boolean holder = campuses.agreement(inv.agreementId()).map(a -> me.organisationId() != null && me.organisationId().equals(a.holderOrg()))
                .orElse(false);
        if (!holder && !campuses.manages(me, inv.campusId())) {
            throw new NotFoundException("invoice");
        }
        return inv;
    }

    /** The invoice's lines as CSV (semicolons, plain decimals), with the totals. */
    public String csv(Invoice inv) {
        StringBuilder b = new StringBuilder("number;position;source;source_id;description;quantity;unit_price;net;vat_rate\n");
        for (Line l : lines(inv.id())) {
            b.append(inv.number()).append(';').append(l.position()).append(';').append(l.source()).append(';').append(l.sourceId()).append(';')
                    .append(l.description().replace(';', ',')).append(';').append(l.quantity().toPlainString()).append(';')
                    .append(l.unitPrice().amount().toPlainString()).append(';').append(l.net().amount().toPlainString()).append(';')
                    .append(l.vatRate().toPlainString()).append('\n');
        }
        b.append(inv.number()).append(";TOTAL;;;;;;").append(inv.net().amount().toPlainString()).append(";VAT ").append(inv.vat().amount().toPlainString())
                .append(" TOTAL ").append(inv.total().amount().toPlainString()).append('\n');
        return b.toString();
    }
}
