package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five career campuses with their buildings, spaces and tools, and the agreements under which partners and other
 * users occupy them (partnership, lease, use agreement): requested, approved with the limits of the framework (dated
 * policy), ended. Campus managers manage their own campus; administrators every campus.
 */
@Service
public class Campuses {

    public record Campus(UUID id, String code, String name, String municipalityNis, String street, List<String> languages,
                         BigDecimal areaM2, UUID organisationId) {
        public boolean bilingual() {
            return languages.size() > 1;
        }
    }

    public record Space(UUID id, UUID campusId, String building, int floor, String code, String name, SpaceKind kind, int capacity,
                        BigDecimal areaM2, List<String> equipment, List<String> accessibility, UUID dedicatedTo, boolean bookable) {
        public boolean shared() {
            return dedicatedTo == null;
        }
    }

    public record Tool(UUID id, UUID campusId, String code, String nameNl, String nameFr, String nameEn, int stock) {
        public String name(String lang) {
            return switch (lang) {
                case "fr" -> nameFr;
                case "en" -> nameEn;
                default -> nameNl;
            };
        }
    }

    /** What a manager types to request (or record) an agreement; checked by {@link Agreement#check}. */
    public record AgreementInput(UUID campusId, Agreement.Model model, UUID holderOrg, String holderName, String holderEmail,
                                 String holderVat, Integer userType, LocalDate validFrom, LocalDate validUntil, BigDecimal monthlyRent,
                                 BigDecimal monthlyCosts, boolean costsFlat, BigDecimal sharedReduction, BigDecimal sharedKey,
                                 BigDecimal dayRate, List<UUID> dedicatedSpaces, String term) {}

    private final JdbcClient jdbc;
    private final CampusPolicies policies;
    private final Clock clock;

    Campuses(JdbcClient jdbc, CampusPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- campuses, spaces, tools ----

    private static final String CAMPUS = "select id, code, name, municipality_nis, street, languages, area_m2, organisation_id from cp_campus";

    private static Campus campus(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Campus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getBigDecimal(7), rs.getObject(8, UUID.class));
    }

    public List<Campus> campuses() {
        return jdbc.sql(CAMPUS + " order by name").query(Campuses::campus).list();
    }

    public Optional<Campus> campus(UUID id) {
        return jdbc.sql(CAMPUS + " where id = ?").param(id).query(Campuses::campus).optional();
    }

    public Optional<Campus> byCode(String code) {
        return code == null ? Optional.empty() : jdbc.sql(CAMPUS + " where code = ?").param(code.trim().toLowerCase()).query(Campuses::campus).optional();
    }

    /** The campus a manager manages (the campus whose organisation they belong to). */
    public Optional<Campus> managedBy(CurrentUser me) {
        if (me == null || me.organisationId() == null) {
            return Optional.empty();
        }
        return jdbc.sql(CAMPUS + " where organisation_id = ?").param(me.organisationId()).query(Campuses::campus).optional();
    }

    /** Whether the user manages this campus: its campus manager, or an administrator (every campus). */
    public boolean manages(CurrentUser me, UUID campusId) {
        if (me == null) {
            return false;
        }
        if (me.has(Role.ADMINISTRATOR)) {
            return true;
        }
        return me.has(Role.CAMPUS_MANAGER) && managedBy(me).map(c -> c.id().equals(campusId)).orElse(false);
    }

    private static final String SPACE = """
            select s.id, s.campus_id, b.name, s.floor, s.code, s.name, s.kind, s.capacity, s.area_m2, s.equipment, s.accessibility,
              s.dedicated_to, s.bookable from cp_space s join cp_building b on b.id = s.building_id""";

    static Space space(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Space(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), SpaceKind.valueOf(rs.getString(7)), rs.getInt(8), rs.getBigDecimal(9),
                Arrays.asList((String[]) rs.getArray(10).getArray()), Arrays.asList((String[]) rs.getArray(11).getArray()),
                rs.getObject(12, UUID.class), rs.getBoolean(13));
    }

    public List<Space> spaces(UUID campusId) {
        return jdbc.sql(SPACE + " where s.campus_id = ? order by b.name, s.floor, s.code").param(campusId).query(Campuses::space).list();
    }

    public Optional<Space> space(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql(SPACE + " where s.id = ?").param(id).query(Campuses::space).optional();
    }

    public List<Tool> tools(UUID campusId) {
        return jdbc.sql("select id, campus_id, code, name_nl, name_fr, name_en, stock from cp_tool where campus_id = ? order by code")
                .param(campusId)
                .query((rs, i) -> new Tool(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    /** The area already partner-specific for one partner on the campus (spaces of its active partnerships and leases). */
    BigDecimal partnerArea(UUID campusId, UUID partner) {
        if (partner == null) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                select coalesce(sum(s.area_m2), 0) from cp_agreement_space x join cp_agreement a on a.id = x.agreement_id
                join cp_space s on s.id = x.space_id
                where a.campus_id = ? and a.holder_org = ? and a.status in ('REQUESTED', 'ACTIVE') and a.model <> 'USE'""")
                .params(campusId, partner).query(BigDecimal.class).single();
    }

    // ---- agreements ----

    private static final String AGREEMENT = """
            select id, number, campus_id, model, holder_org, holder_name, holder_email, holder_vat, user_type, valid_from, valid_until,
              status, monthly_rent, monthly_costs, costs_flat, shared_reduction, shared_key, day_rate, rent_waived_years, term,
              requested_by, decided_by from cp_agreement""";

    static Agreement agreement(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Integer userType = rs.getObject(9) == null ? null : rs.getInt(9);
        return new Agreement(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                Agreement.Model.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
                userType, rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), Agreement.Status.valueOf(rs.getString(12)),
                rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBoolean(15), rs.getBigDecimal(16), rs.getBigDecimal(17), rs.getBigDecimal(18),
                Arrays.asList((Integer[]) rs.getArray(19).getArray()), rs.getString(20), rs.getString(21), rs.getString(22));
    }

    public Optional<Agreement> agreement(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql(AGREEMENT + " where id = ?").param(id).query(Campuses::agreement).optional();
    }

    public List<Agreement> agreements(UUID campusId) {
        return jdbc.sql(AGREEMENT + " where campus_id = ? order by status, number").param(campusId).query(Campuses::agreement).list();
    }

    /** The active agreements an organisation holds on any campus (what a partner may book under). */
    public List<Agreement> agreementsOf(UUID organisationId) {
        if (organisationId == null) {
            return List.of();
        }
        return jdbc.sql(AGREEMENT + " where holder_org = ? and status = 'ACTIVE' order by number").param(organisationId)
                .query(Campuses::agreement).list();
    }

    public List<UUID> dedicatedSpaces(UUID agreementId) {
        return jdbc.sql("select space_id from cp_agreement_space where agreement_id = ?").param(agreementId).query(UUID.class).list();
    }

    Agreement.Limits limitsOn(LocalDate on) {
        return new Agreement.Limits(policies.partnershipMinYears(on), policies.leaseMinMonths(on), policies.useMaxMonths(on),
                policies.partnerAreaMax(on));
    }

    /** Records a requested agreement after checking it against the model's limits; nothing is stored when a rule fails. */
    @Transactional
    public Agreement request(AgreementInput in, CurrentUser actor) {
        Validator v = new Validator();
        Optional<Campus> campus = campus(in.campusId());
        v.check(campus.isPresent(), "campusId", "validation.choice");
        v.required("holderName", in.holderName(), 200);
        v.email("holderEmail", in.holderEmail());
        v.text("holderVat", in.holderVat(), 20);
        v.check(in.holderVat() == null || in.holderVat().isBlank() || belgianVat(in.holderVat()), "holderVat", "campus.agreement.vat");
        v.text("term", in.term(), 20);
        if (campus.isEmpty()) {
            v.throwIfInvalid();
        }
        if (!manages(actor, in.campusId())) {
            throw new NotFoundException("campus");
        }
        BigDecimal dedicated = BigDecimal.ZERO;
        List<UUID> spaces = in.dedicatedSpaces() == null ? List.of() : in.dedicatedSpaces();
        for (UUID s : spaces) {
            Optional<Space> sp = space(s);
            v.check(sp.isPresent() && sp.get().campusId().equals(in.campusId()), "spaces", "validation.choice");
            v.check(sp.isEmpty() || sp.get().dedicatedTo() == null, "spaces", "campus.agreement.spaceTaken");
            dedicated = dedicated.add(sp.map(Space::areaM2).orElse(BigDecimal.ZERO));
        }
        v.check(in.model() != Agreement.Model.USE || spaces.isEmpty(), "spaces", "campus.agreement.useNoDedicated");
        Agreement.check(new Agreement.Terms(in.model(), in.userType(), in.validFrom(), in.validUntil(), in.monthlyRent(), in.monthlyCosts(),
                in.costsFlat(), in.sharedReduction(), in.sharedKey(), in.dayRate(), dedicated, partnerArea(in.campusId(), in.holderOrg()),
                campus.get().areaM2()), limitsOn(in.validFrom() == null ? today() : in.validFrom()), v);
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        int year = in.validFrom().getYear();
        int seq = jdbc.sql("select count(*) + 1 from cp_agreement where campus_id = ?").param(in.campusId()).query(Integer.class).single();
        String number = campus.get().code().toUpperCase() + "-" + in.model().name().charAt(0) + "-" + year + "-" + String.format("%04d", seq);
        jdbc.sql("""
                insert into cp_agreement (id, number, campus_id, model, holder_org, holder_name, holder_email, holder_vat, user_type, valid_from,
                  valid_until, status, monthly_rent, monthly_costs, costs_flat, shared_reduction, shared_key, day_rate, term, requested_by,
                  requested_at) values (?,?,?,?,?,?,?,?,?,?,?,'REQUESTED',?,?,?,?,?,?,?,?,?)""")
                .params(id, number, in.campusId(), in.model().name(), in.holderOrg(), in.holderName().trim(), blank(in.holderEmail()),
                        blank(in.holderVat()), in.model() == Agreement.Model.USE ? in.userType() : null, in.validFrom(), in.validUntil(),
                        in.monthlyRent(), in.monthlyCosts(), in.costsFlat(), in.sharedReduction(), in.sharedKey(), in.dayRate(), blank(in.term()),
                        actor.username(), OffsetDateTime.now(clock))
                .update();
        for (UUID s : spaces) {
            jdbc.sql("insert into cp_agreement_space (agreement_id, space_id) values (?,?)").params(id, s).update();
        }
        return agreement(id).orElseThrow();
    }

    /** Approves a requested agreement (compare-and-set); its dedicated spaces become the holder's. */
    @Transactional
    public Agreement approve(UUID id, String note, CurrentUser actor) {
        Agreement a = agreement(id).orElseThrow(() -> new NotFoundException("agreement"));
        if (!manages(actor, a.campusId())) {
            throw new NotFoundException("agreement");
        }
        var t = a.approve();
        ConflictException.unlessChanged(jdbc.sql("""
                update cp_agreement set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ? and status = ?""")
                .params(t.toName(), actor.username(), OffsetDateTime.now(clock), blank(note), id, t.fromName()).update(),
                "agreement", "campus.agreement.notRequested");
        // the dedicated spaces become partner-specific; one that another agreement took meanwhile refuses the approval
        int claimed = jdbc.sql("""
                update cp_space set dedicated_to = ? where dedicated_to is null
                  and id in (select space_id from cp_agreement_space where agreement_id = ?)""").params(a.holderOrg() == null ? id : a.holderOrg(), id)
                .update();
        ConflictException.unlessChanged(claimed == dedicatedSpaces(id).size() ? 1 : 0, "spaces", "campus.agreement.spaceTaken");
        return agreement(id).orElseThrow();
    }

    @Transactional
    public Agreement refuse(UUID id, String note, CurrentUser actor) {
        Agreement a = agreement(id).orElseThrow(() -> new NotFoundException("agreement"));
        if (!manages(actor, a.campusId())) {
            throw new NotFoundException("agreement");
        }
        new Validator().required("note", note, 1000).throwIfInvalid();
        var t = a.refuse();
        ConflictException.unlessChanged(jdbc.sql("""
                update cp_agreement set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ? and status = ?""")
                .params(t.toName(), actor.username(), OffsetDateTime.now(clock), note.trim(), id, t.fromName()).update(),
                "agreement", "campus.agreement.notRequested");
        return agreement(id).orElseThrow();
    }

    public record Settlement(UUID id, String period, String description, java.math.BigDecimal amount, String enteredBy, UUID invoiceId) {}

    public List<Settlement> settlements(UUID agreementId) {
        return jdbc.sql("select id, period, description, amount, entered_by, invoice_id from cp_settlement where agreement_id = ? order by entered_at")
                .param(agreementId)
                .query((rs, i) -> new Settlement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getObject(6, UUID.class)))
                .list();
    }

    /**
     * A periodic settlement of a lease's operational costs (energy, …) or of extra services (catering, quarterly or
     * half-yearly): invoiced once by the next run. The campus manager enters it.
     */
    @Transactional
    public Settlement addSettlement(UUID agreementId, String period, String description, BigDecimal amount, CurrentUser actor) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new NotFoundException("agreement"));
        if (!manages(actor, a.campusId())) {
            throw new NotFoundException("agreement");
        }
        Validator v = new Validator().required("period", period, 10).required("description", description, 200);
        v.check(period == null || period.trim().matches("\\d{4}-(Q[1-4]|H[12]|(0[1-9]|1[0-2]))"), "period", "campus.settlement.period");
        v.check(amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.compareTo(new BigDecimal("1000000")) < 0, "amount",
                "validation.amount");
        v.check(a.model() != Agreement.Model.USE, "agreement", "campus.settlement.notForUse");
        v.check(a.status() == Agreement.Status.ACTIVE, "agreement", "campus.agreement.notActive");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cp_settlement (id, agreement_id, period, description, amount, entered_by, entered_at) values (?,?,?,?,?,?,?)")
                .params(id, agreementId, period.trim(), description.trim(), amount, actor.username(), OffsetDateTime.now(clock)).update();
        return settlements(agreementId).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** The years a partnership's rent is waived against co-investment (the invoices charge 0 for its own spaces then). */
    @Transactional
    public Agreement setRentWaivedYears(UUID agreementId, List<Integer> years, CurrentUser actor) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new NotFoundException("agreement"));
        if (!manages(actor, a.campusId())) {
            throw new NotFoundException("agreement");
        }
        Validator v = new Validator();
        v.check(a.model() == Agreement.Model.PARTNERSHIP, "years", "campus.agreement.waiverPartnershipOnly");
        for (Integer y : years) {
            v.check(y != null && y >= a.validFrom().getYear() && y <= a.validUntil().getYear(), "years", "campus.agreement.waiverYear",
                    a.validFrom().getYear(), a.validUntil().getYear());
        }
        v.throwIfInvalid();
        jdbc.sql("update cp_agreement set rent_waived_years = ?::int[] where id = ?")
                .params("{" + String.join(",", years.stream().distinct().sorted().map(String::valueOf).toList()) + "}", agreementId).update();
        return agreement(agreementId).orElseThrow();
    }

    /** A Belgian VAT number: BE, then a ten-digit enterprise number whose last two digits are 97 − (the first eight mod 97). */
    static boolean belgianVat(String s) {
        String v = s.replace(" ", "").replace(".", "").toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("BE[01]\\d{9}")) {
            return false;
        }
        long base = Long.parseLong(v.substring(2, 10));
        return 97 - base % 97 == Long.parseLong(v.substring(10));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
