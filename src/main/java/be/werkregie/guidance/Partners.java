package be.werkregie.guidance;

import be.werkregie.geo.Distance;
import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisation;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner contracts (concessions for the products, Open House admissions for flanking actions), partner profiles and
 * sites with capacity per offer, and the public landing page where clients compare partners.
 */
@Service
public class Partners {

    public record Contract(UUID id, UUID partnerId, String partnerName, String offerCode, String form, String status,
                           LocalDate validFrom, LocalDate validUntil, Boolean contentOk, Boolean qualityOk, String application,
                           String decisionNote, LocalDate appliedOn) {}

    public record Site(UUID id, UUID partnerId, String name, String municipalityNis, String municipalityName, double latitude,
                       double longitude, boolean wheelchairAccess, Map<String, Integer> capacity, Map<String, Integer> free,
                       String street, String phone, String email) {

        /** "street, municipality" or the municipality alone. */
        public String address() {
            return street == null || street.isBlank() ? municipalityName : street + ", " + municipalityName;
        }

        public String phoneLink() {
            return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
        }
    }

    /**
     * Outflow of a partner: of the trajectories whose follow-up period is over ({@code followed}), how many clients
     * worked long enough within it according to the employment records ({@code inWork}) — never on the partner's word —
     * with a Wilson 95% interval, null below the small-number threshold; and the same compared with what the clients' KOW
     * scores at their start expected ({@code corrected}).
     */
    public record Outflow(int followed, int inWork, BigDecimal share, BigDecimal low, BigDecimal high, boolean enough,
                          Corrected corrected) {
        Outflow with(Corrected c) {
            return new Outflow(followed, inWork, share, low, high, enough, c);
        }
    }

    /**
     * Outflow corrected for the distance to work: among the {@code scored} trajectories with a KOW score at their start,
     * the observed share in work against the share the scores expected (their mean), and observed/expected with a 95%
     * interval. Published only from the policy's minimum number of trajectories ({@code enough}); otherwise only the count.
     */
    public record Corrected(int scored, BigDecimal observed, BigDecimal expected, BigDecimal ratio, BigDecimal ratioLow,
                            BigDecimal ratioHigh, boolean enough, int minimum) {}

    public record Partner(UUID id, String name, String expertise, List<String> languages, String website, List<String> offers,
                          List<Site> sites, Double distanceKm, Outflow outflow) {}

    public record LandingQuery(String offer, String language, String place, Boolean wheelchair, Boolean freeOnly) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Municipalities municipalities;
    private final Catalogue catalogue;
    private final GuidanceSettings settings;
    private final Clock clock;
    private final be.werkregie.chance.KowGroups kow;
    private final be.werkregie.employment.EmploymentRecords records;

    Partners(JdbcClient jdbc, Organisations organisations, Municipalities municipalities, Catalogue catalogue,
             GuidanceSettings settings, Clock clock, be.werkregie.chance.KowGroups kow, be.werkregie.employment.EmploymentRecords records) {
        this.kow = kow;
        this.records = records;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.municipalities = municipalities;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- contracts ----

    private static final String CONTRACT_SELECT = """
            select c.id, c.partner_id, o.name, c.offer_code, c.form, c.status, c.valid_from, c.valid_until, c.content_ok,
              c.quality_ok, c.application, c.decision_note, c.applied_on
            from gd_contract c join identity_v_organisation o on o.id = c.partner_id""";

    private static Contract mapContract(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Contract(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                (Boolean) rs.getObject(9), (Boolean) rs.getObject(10), rs.getString(11), rs.getString(12),
                rs.getObject(13, LocalDate.class));
    }

    public List<Contract> contracts(String status) {
        return status == null
                ? jdbc.sql(CONTRACT_SELECT + " order by o.name, c.offer_code").query(Partners::mapContract).list()
                : jdbc.sql(CONTRACT_SELECT + " where c.status = ? order by c.applied_on, o.name").param(status)
                        .query(Partners::mapContract).list();
    }

    public List<Contract> contractsOf(UUID partnerId) {
        return jdbc.sql(CONTRACT_SELECT + " where c.partner_id = ? order by c.offer_code").param(partnerId).query(Partners::mapContract).list();
    }

    /** The employment service awards a concession for a product (several partners per product; 5 years). */
    @Transactional
    public UUID awardConcession(UUID partnerId, String offerCode, LocalDate validFrom, CurrentUser actor) {
        Validator v = new Validator();
        Optional<Organisation> partner = partnerId == null ? Optional.empty() : organisations.find(partnerId);
        v.check(partner.isPresent() && partner.get().kind() == OrganisationKind.PARTNER, "partnerId", "validation.organisation.unknown");
        Optional<Catalogue.Offer> offer = offerCode == null ? Optional.empty() : catalogue.offer(offerCode);
        v.check(offer.isPresent() && offer.get().contractForm().equals("CONCESSION"), "offerCode", "guidance.notConcession");
        v.check(validFrom != null, "validFrom", "validation.date");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into gd_contract (id, partner_id, offer_code, form, status, valid_from, valid_until, applied_on, decided_by)
                values (?,?,?,'CONCESSION','ACTIVE',?,?,?,?)""")
                .params(id, partnerId, offerCode, validFrom, validFrom.plusYears(settings.concessionYears()).minusDays(1), today(),
                        actor.username())
                .update();
        return id;
    }

    /** A partner applies for admission to a flanking action at any time during the Open House term. Idempotent on the key. */
    @Transactional
    public UUID applyOpenHouse(String offerCode, String application, String requestKey, CurrentUser actor) {
        UUID partnerId = ownPartner(actor);
        Validator v = new Validator().required("requestKey", requestKey, 100).required("application", application, 10_000);
        Optional<Catalogue.Offer> offer = offerCode == null ? Optional.empty() : catalogue.offer(offerCode);
        v.check(offer.isPresent() && offer.get().contractForm().equals("OPEN_HOUSE"), "offerCode", "guidance.notOpenHouse");
        v.throwIfInvalid();
        Optional<UUID> existing = jdbc.sql("select id from gd_contract where request_key = ?").param(requestKey).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean open = jdbc.sql("""
                select count(*) from gd_contract where partner_id = ? and offer_code = ? and status in ('APPLIED','ACTIVE')""")
                .params(partnerId, offerCode).query(Long.class).single() > 0;
        if (open) {
            throw InvalidInputException.of("offerCode", "guidance.alreadyApplied");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into gd_contract (id, partner_id, offer_code, form, status, application, applied_on, request_key)
                values (?,?,?,'OPEN_HOUSE','APPLIED',?,?,?)""")
                .params(id, partnerId, offerCode, application.trim(), today(), requestKey).update();
        return id;
    }

    /**
     * Admission against the published conditions: admitted (and on the landing page at once) only when both the content
     * and the quality conditions are met; otherwise refused with the reason.
     */
    @Transactional
    public Contract decideAdmission(UUID contractId, Boolean contentOk, Boolean qualityOk, String note, CurrentUser actor) {
        Contract c = jdbc.sql(CONTRACT_SELECT + " where c.id = ?").param(contractId).query(Partners::mapContract).optional()
                .orElseThrow(() -> new NotFoundException("contract"));
        Validator v = new Validator();
        v.check(c.status().equals("APPLIED"), "status", "guidance.notApplied");
        v.check(contentOk != null, "contentOk", "validation.choice");
        v.check(qualityOk != null, "qualityOk", "validation.choice");
        boolean admitted = admissible(Boolean.TRUE.equals(contentOk), Boolean.TRUE.equals(qualityOk));
        if (!admitted) {
            v.required("note", note, 5000);
        }
        v.throwIfInvalid();
        LocalDate from = today();
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update gd_contract set status = ?, content_ok = ?, quality_ok = ?, decision_note = ?, decided_by = ?, valid_from = ?,
                  valid_until = ? where id = ? and status = 'APPLIED'""")
                .params(admitted ? "ACTIVE" : "REFUSED", contentOk, qualityOk, note == null || note.isBlank() ? null : note.trim(),
                        actor.username(), admitted ? from : null, admitted ? from.plusYears(settings.concessionYears()).minusDays(1) : null,
                        contractId)
                .update(), "status", "guidance.notApplied");
        return jdbc.sql(CONTRACT_SELECT + " where c.id = ?").param(contractId).query(Partners::mapContract).single();
    }

    /** The published admission rule: both the content and the quality conditions are met. */
    public static boolean admissible(boolean contentOk, boolean qualityOk) {
        return contentOk && qualityOk;
    }

    /** Whether the partner holds an active contract for the offer today. */
    public boolean contracted(UUID partnerId, String offerCode) {
        return jdbc.sql("""
                select count(*) from gd_contract where partner_id = ? and offer_code = ? and status = 'ACTIVE'
                  and valid_from <= ? and valid_until >= ?""")
                .params(partnerId, offerCode, today(), today()).query(Long.class).single() > 0;
    }

    UUID ownPartner(CurrentUser actor) {
        if (actor == null || actor.organisationKind() != OrganisationKind.PARTNER || !actor.hasAny(Role.PARTNER_STAFF, Role.PARTNER_MANAGER)) {
            throw new NotFoundException("partner");
        }
        return actor.organisationId();
    }

    // ---- sites and capacity ----

    @Transactional
    public UUID addSite(UUID partnerId, String name, String municipality, Boolean wheelchair, Map<String, Integer> capacity,
                        CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR) && !partnerId.equals(ownPartner(actor))) {
            throw new NotFoundException("partner");
        }
        Validator v = new Validator().required("name", name, 200);
        Optional<Municipality> m = municipality == null ? Optional.empty() : municipalities.find(municipality);
        v.check(m.isPresent(), "municipality", "validation.municipality.unknown");
        Map<String, Integer> cap = capacity == null ? Map.of() : capacity;
        v.check(cap.values().stream().allMatch(c -> c != null && c >= 0 && c <= 100_000), "capacity", "guidance.capacity");
        v.check(cap.keySet().stream().allMatch(o -> catalogue.offer(o).isPresent()), "capacity", "validation.choice");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into gd_site (id, partner_id, name, municipality_nis, latitude, longitude, wheelchair_access)
                values (?,?,?,?,?,?,?)""")
                .params(id, partnerId, name.trim(), m.get().nis(), m.get().lat(), m.get().lon(), Boolean.TRUE.equals(wheelchair)).update();
        cap.forEach((offer, c) -> jdbc.sql("insert into gd_site_capacity (site_id, offer_code, capacity) values (?,?,?)")
                .params(id, offer, c).update());
        return id;
    }

    /** Capacity per site and offer, and what is free: capacity minus the active trajectories there. */
    public List<Site> sites(UUID partnerId) {
        return sitesWhere(partnerId == null ? "" : " where s.partner_id = ?", partnerId == null ? List.of() : List.of(partnerId));
    }

    public Optional<Site> site(UUID siteId) {
        return sitesWhere(" where s.id = ?", List.of(siteId)).stream().findFirst();
    }

    private List<Site> sitesWhere(String where, List<Object> params) {
        Map<UUID, Site> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select s.id, s.partner_id, s.name, s.municipality_nis, s.latitude, s.longitude, s.wheelchair_access, c.offer_code,
                  c.capacity, c.capacity - (select count(*) from gd_trajectory t where t.site_id = s.id and t.offer_code = c.offer_code
                    and t.status = 'ACTIVE'), s.street, s.phone, s.email
                from gd_site s left join gd_site_capacity c on c.site_id = s.id""" + where + " order by s.name, s.id")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Site site = byId.computeIfAbsent(id, k -> {
                        try {
                            String nis = rs.getString(4);
                            return new Site(k, rs.getObject(2, UUID.class), rs.getString(3), nis,
                                    municipalities.byNis(nis).map(Municipality::nameNl).orElse(nis), rs.getDouble(5), rs.getDouble(6),
                                    rs.getBoolean(7), new LinkedHashMap<>(), new LinkedHashMap<>(), rs.getString(11), rs.getString(12),
                                    rs.getString(13));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(8) != null) {
                        site.capacity().put(rs.getString(8), rs.getInt(9));
                        site.free().put(rs.getString(8), Math.max(0, rs.getInt(10)));
                    }
                });
        return new ArrayList<>(byId.values());
    }

    // ---- landing page ----

    @Transactional
    public void updateProfile(String expertise, List<String> languages, String website, CurrentUser actor) {
        UUID partnerId = ownPartner(actor);
        Validator v = new Validator().required("expertise", expertise, 5000).text("website", website, 200);
        v.check(website == null || website.isBlank() || website.startsWith("https://"), "website", "centre.websiteInvalid");
        v.check(languages != null && !languages.isEmpty() && languages.stream().allMatch(l -> l.matches("[a-z]{2}")), "languages",
                "validation.choice");
        v.throwIfInvalid();
        jdbc.sql("""
                insert into gd_partner_profile (partner_id, expertise, languages, website) values (?,?,?::text[],?)
                on conflict (partner_id) do update set expertise = excluded.expertise, languages = excluded.languages,
                  website = excluded.website""")
                .params(partnerId, expertise.trim(), languages.toArray(String[]::new), website == null || website.isBlank() ? null : website)
                .update();
    }

    /**
     * The public landing page: partners with an active contract, their expertise, languages, sites (accessibility, free
     * places) and distance from the client's place; outflow results only above the small-number threshold.
     */
    public List<Partner> landing(LandingQuery q) {
        Validator v = new Validator();
        Optional<Municipality> place = q.place() == null || q.place().isBlank() ? Optional.empty() : municipalities.find(q.place());
        v.check(q.place() == null || q.place().isBlank() || place.isPresent(), "place", "validation.municipality.unknown");
        v.check(q.offer() == null || q.offer().isBlank() || catalogue.offer(q.offer()).isPresent(), "offer", "validation.choice");
        v.throwIfInvalid();
        LocalDate today = today();
        Map<UUID, List<String>> offers = new HashMap<>();
        jdbc.sql("select partner_id, offer_code from gd_contract where status = 'ACTIVE' and valid_from <= ? and valid_until >= ? order by offer_code")
                .params(today, today).query(rs -> {
                    offers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<UUID, Outflow> outflow = outflow();
        Map<UUID, List<Site>> sites = new HashMap<>();
        sites(null).forEach(s -> sites.computeIfAbsent(s.partnerId(), k -> new ArrayList<>()).add(s));
        List<Partner> result = new ArrayList<>();
        for (var e : offers.entrySet()) {
            UUID id = e.getKey();
            if (q.offer() != null && !q.offer().isBlank() && !e.getValue().contains(q.offer())) {
                continue;
            }
            Organisation org = organisations.find(id).orElse(null);
            if (org == null) {
                continue;
            }
            var profile = jdbc.sql("select expertise, languages, website from gd_partner_profile where partner_id = ?").param(id)
                    .query((rs, i) -> new Object[] {rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray()), rs.getString(3)})
                    .optional().orElse(new Object[] {"", List.of("nl"), null});
            @SuppressWarnings("unchecked") List<String> langs = (List<String>) profile[1];
            if (q.language() != null && !q.language().isBlank() && !langs.contains(q.language())) {
                continue;
            }
            List<Site> mine = sites.getOrDefault(id, List.of()).stream()
                    .filter(s -> !Boolean.TRUE.equals(q.wheelchair()) || s.wheelchairAccess())
                    .filter(s -> !Boolean.TRUE.equals(q.freeOnly()) || s.free().values().stream().anyMatch(f -> f > 0))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            Double distance = place.map(p -> mine.stream().mapToDouble(s -> Distance.km(p.lat(), p.lon(), s.latitude(), s.longitude()))
                    .min().orElse(Double.NaN)).map(d -> Math.round(d * 10) / 10.0).orElse(null);
            result.add(new Partner(id, org.name(), (String) profile[0], langs, (String) profile[2], e.getValue(), mine, distance,
                    outflow.get(id)));
        }
        result.sort(Comparator.comparing((Partner p) -> p.distanceKm() == null ? 0 : p.distanceKm()).thenComparing(Partner::name));
        return result;
    }

    /** The outcome the outflow counts (the one the KOW model predicts), in force today. */
    public be.werkregie.chance.KowGroups.Outcome outcome() {
        return kow.outcomeOn(today());
    }

    /** The figures of one day, computed at most every ten minutes (they change with the nightly records, not by the minute). */
    private record OutflowOfDay(LocalDate day, long atNanos, Map<UUID, Outflow> figures) {}

    private volatile OutflowOfDay outflowCache;

    /** Forgets the cached figures (after a correction of the records, and in tests). */
    void forgetOutflow() {
        outflowCache = null;
    }

    /**
     * Outflow per partner, for the trajectories that started at least the outcome's months ago (their follow-up is over):
     * whether the client worked the outcome's days within those months from the start, read from the employment records —
     * the same outcome the KOW model predicts (chance module's dated policy) — so the observed share and the share the
     * scores at the start expected measure the same thing. Below the thresholds only the counts are returned.
     */
    public Map<UUID, Outflow> outflow() {
        LocalDate today = today();
        // a cache's age is measured by the monotonic timer, not by the business clock (which stands still in tests)
        long now = System.nanoTime();
        OutflowOfDay cached = outflowCache;
        if (cached != null && cached.day().equals(today) && now - cached.atNanos() < 600_000_000_000L) {
            return cached.figures();
        }
        be.werkregie.chance.KowGroups.Outcome outcome = kow.outcomeOn(today);
        // the corrected figure needs the chance module's minimum of scored trajectories and, like every published share,
        // the small-number threshold
        int minimum = Math.max(kow.outflowMinimum(today), settings.smallNumberThreshold());
        record Followed(UUID partner, UUID trajectory, Double score) {}
        List<Followed> followed = new ArrayList<>();
        List<be.werkregie.employment.EmploymentRecords.Window> windows = new ArrayList<>();
        jdbc.sql("""
                select partner_id, id, person_id, started_on, kow_score from gd_trajectory
                where started_on <= ?""")
                .param(today.minusMonths(outcome.months()))
                .query(rs -> {
                    UUID id = rs.getObject(2, UUID.class);
                    LocalDate started = rs.getObject(4, LocalDate.class);
                    BigDecimal score = rs.getBigDecimal(5);
                    followed.add(new Followed(rs.getObject(1, UUID.class), id, score == null ? null : score.doubleValue()));
                    windows.add(new be.werkregie.employment.EmploymentRecords.Window(id, rs.getObject(3, UUID.class), started,
                            started.plusMonths(outcome.months()).minusDays(1)));
                });
        Map<UUID, Integer> days = records.daysEmployed(windows);
        Map<UUID, List<Followed>> byPartner = new LinkedHashMap<>();
        followed.forEach(f -> byPartner.computeIfAbsent(f.partner(), k -> new ArrayList<>()).add(f));
        Map<UUID, Outflow> out = new HashMap<>();
        for (Map.Entry<UUID, List<Followed>> e : byPartner.entrySet()) {
            List<Followed> list = e.getValue();
            int inWork = 0;
            List<Double> scores = new ArrayList<>();
            List<Boolean> worked = new ArrayList<>();
            for (Followed f : list) {
                boolean w = days.getOrDefault(f.trajectory(), 0) >= outcome.minWorkDays();
                inWork += w ? 1 : 0;
                if (f.score() != null) {
                    scores.add(f.score());
                    worked.add(w);
                }
            }
            double[] p = scores.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] y = new boolean[worked.size()];
            for (int k = 0; k < y.length; k++) {
                y[k] = worked.get(k);
            }
            out.put(e.getKey(), outflowOf(list.size(), inWork, settings.smallNumberThreshold()).with(correctedOf(p, y, minimum)));
        }
        outflowCache = new OutflowOfDay(today, now, out);
        return out;
    }

    /**
     * Observed against expected (indirect standardisation, as hospitals compare mortality): O = clients in work, E = the
     * sum of their chances at the start; the ratio O/E is above 1 when the partner does better than its clients' starting
     * positions predict. The 95% interval treats O as a sum of independent chances with variance Σ p(1 − p):
     * (O ± 1.96·√Σp(1−p)) / E, cut at 0.
     */
    static Corrected correctedOf(double[] p, boolean[] worked, int minimum) {
        int n = p.length;
        if (n < minimum || n == 0) {
            return new Corrected(n, null, null, null, null, null, false, minimum);
        }
        double expected = 0;
        double variance = 0;
        int observed = 0;
        for (int i = 0; i < n; i++) {
            expected += p[i];
            variance += p[i] * (1 - p[i]);
            observed += worked[i] ? 1 : 0;
        }
        if (expected <= 0) {
            return new Corrected(n, null, null, null, null, null, false, minimum);
        }
        double half = 1.96 * Math.sqrt(variance);
        return new Corrected(n, pct((double) observed / n), pct(expected / n), ratio(observed / expected),
                ratio(Math.max(0, observed - half) / expected), ratio((observed + half) / expected), true, minimum);
    }

    private static BigDecimal ratio(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP);
    }

    static Outflow outflowOf(int n, int k, int threshold) {
        if (n == 0) {
            return new Outflow(0, 0, null, null, null, false, null);
        }
        double p = (double) k / n;
        double z = 1.96;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        boolean enough = n >= threshold;
        return new Outflow(n, k, enough ? pct(p) : null, enough ? pct(Math.max(0, centre - half)) : null,
                enough ? pct(Math.min(1, centre + half)) : null, enough, null);
    }

    private static BigDecimal pct(double x) {
        return BigDecimal.valueOf(x * 100).setScale(0, RoundingMode.HALF_UP);
    }
}
