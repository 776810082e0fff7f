package be.werkregie.vouchers;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Role;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Mandated career centres: mandates and their review, profiles, sites, coaches and subcontractors. */
@Service
public class CareerCentres {

    public static final List<String> TARGET_GROUPS = List.of("LOW_EDUCATED", "FIFTY_PLUS", "MIGRATION_BACKGROUND",
            "WORK_DISABILITY", "BURN_OUT", "SELF_EMPLOYED", "YOUNG_WORKERS");
    public static final List<String> METHODOLOGIES = List.of("TALENT_TESTS", "COACHING", "NARRATIVE", "JOB_CRAFTING",
            "WORKSHOPS", "NETWORKING", "SOLUTION_FOCUSED");
    public static final List<String> LANGUAGES = List.of("nl", "fr", "en", "de", "ar", "tr", "pl", "es");
    public static final List<String> COACH_KINDS = List.of("EMPLOYEE", "SUBCONTRACTOR", "MANAGER");

    public record Centre(UUID id, String name, String enterpriseNumber, boolean vatLiable, List<String> languages,
                         boolean eCoaching, List<String> targetGroups, List<String> methodologies, String profile,
                         String website, boolean stimulusOptIn, boolean passive) {}

    public record Site(UUID id, UUID centreId, String name, String street, String municipalityNis, String municipalityName,
                       double latitude, double longitude, boolean headOffice, boolean wheelchairAccess, String phone,
                       String email, OpeningHours openingHours) {

        /** The phone number as a tel: link (digits and a leading +). */
        public String phoneLink() {
            return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
        }
    }

    /** The columns of {@link #SITE_ROW}, for every query that reads sites (s = vc_site, m = geo_v_municipality). */
    static final String SITE_COLUMNS = """
            s.id, s.organisation_id, s.name, s.street, s.municipality_nis, m.name_nl, s.latitude, s.longitude,
              s.head_office, s.wheelchair_access, s.phone, s.email, s.opening_hours""";

    static final org.springframework.jdbc.core.RowMapper<Site> SITE_ROW = (rs, i) -> new Site(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7),
            rs.getDouble(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11), rs.getString(12),
            OpeningHours.parse(rs.getString(13)));

    public record Coach(UUID id, String name, String profile, List<String> languages, boolean eCoaching, String kind) {}

    public record Mandate(UUID id, UUID centreId, String centreName, String enterpriseNumber, Status status,
                          String qualityCertificate, BigDecimal experienceYears, String vision, String coachFollowUp,
                          boolean stimulusOptIn, LocalDate appliedOn, LocalDate decidedOn, LocalDate validFrom,
                          LocalDate validUntil, String reason) {

        /**
         * Applied → (deciding, claimed by one decision) → approved or refused; an approved mandate can be suspended
         * (and restored), revoked, or end when the centre's enterprise number changes. Refused and revoked are final.
         */
        public enum Status {
            APPLIED, DECIDING, APPROVED, REFUSED, SUSPENDED, REVOKED, EXPIRED;

            public static final be.werkregie.shared.Lifecycle<Status> LIFECYCLE = be.werkregie.shared.Lifecycle.of(Status.class)
                    .from(APPLIED, DECIDING, REFUSED)
                    .from(DECIDING, APPROVED)
                    .from(APPROVED, SUSPENDED, REVOKED, EXPIRED)
                    .from(SUSPENDED, APPROVED, REVOKED, EXPIRED)
                    .build();

            /** The states an administrator (or a final sanction) can set on a running mandate. */
            public static final java.util.Set<Status> SETTABLE = java.util.EnumSet.of(SUSPENDED, REVOKED, APPROVED);
        }

        public be.werkregie.shared.Lifecycle.Transition<Status> refuse() {
            return Status.LIFECYCLE.move(status, Status.REFUSED, "status", "centre.notPending");
        }

        public be.werkregie.shared.Lifecycle.Transition<Status> startDecision() {
            return Status.LIFECYCLE.move(status, Status.DECIDING, "status", "centre.notPending");
        }

        /** Suspend, revoke or restore: only a running (approved or suspended) mandate, to another state. */
        public be.werkregie.shared.Lifecycle.Transition<Status> changeTo(Status target) {
            if (target == null || !Status.SETTABLE.contains(target)) {
                throw InvalidInputException.of("status", "validation.choice");
            }
            return Status.LIFECYCLE.move(status, target, "status", "centre.notActive");
        }

        /** Approved and not past its end date: the centre may guide with vouchers. */
        public boolean inForceOn(LocalDate day) {
            return status == Status.APPROVED && validUntil != null && !validUntil.isBefore(day);
        }

        /** Approved or suspended: a sanction on the mandate can still apply to it. */
        public boolean running() {
            return status == Status.APPROVED || status == Status.SUSPENDED;
        }
    }

    public record MandateApplication(String enterpriseNumber, String qualityCertificate, BigDecimal experienceYears,
                                     String vision, String coachFollowUp, Boolean stimulusOptIn) {}


    /** Published after anything the search robot shows has changed. */
    record CentresChanged(UUID centreId) {}

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final be.werkregie.identity.Organisations organisations;

    private final be.werkregie.policy.Policies policies;

    CareerCentres(be.werkregie.policy.Policies policies, be.werkregie.identity.Organisations organisations, JdbcClient jdbc, Municipalities municipalities, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Centre> find(UUID id) {
        return jdbc.sql("""
                select c.organisation_id, o.name, c.enterprise_number, c.vat_liable, c.languages, c.e_coaching, c.target_groups,
                  c.methodologies, c.profile, c.website, c.stimulus_opt_in, c.passive
                from vc_centre c join identity_v_organisation o on o.id = c.organisation_id where c.organisation_id = ?""")
                .param(id).query((rs, i) -> new Centre(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), list(rs.getArray(5)), rs.getBoolean(6), list(rs.getArray(7)), list(rs.getArray(8)),
                        rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getBoolean(12)))
                .optional();
    }

    public List<Site> sites(UUID centreId) {
        return jdbc.sql("select " + SITE_COLUMNS + """

                from vc_site s join geo_v_municipality m on m.nis = s.municipality_nis where s.organisation_id = ?
                order by s.head_office desc, m.name_nl""")
                .param(centreId).query(SITE_ROW).list();
    }

    public List<Coach> coaches(UUID centreId) {
        return jdbc.sql("""
                select k.id, k.name, k.profile, k.languages, k.e_coaching, cc.kind from vc_coach k
                join vc_coach_centre cc on cc.coach_id = k.id where cc.organisation_id = ? and cc.accepted_at is not null
                order by cc.kind, k.name""")
                .param(centreId).query((rs, i) -> new Coach(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        list(rs.getArray(4)), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    public List<Mandate> mandates(String status) {
        return jdbc.sql(MANDATE_SELECT + (status == null ? "" : " where m.status = ?") + " order by m.applied_on desc limit 300")
                .params(status == null ? List.of() : List.of(status)).query(CareerCentres::mapMandate).list();
    }

    public List<Mandate> mandatesOf(UUID centreId) {
        return jdbc.sql(MANDATE_SELECT + " where m.organisation_id = ? order by m.applied_on desc")
                .param(centreId).query(CareerCentres::mapMandate).list();
    }

    /**
     * A centre applies for a mandate (first, renewal, or after a change of enterprise number). Conditions: a quality
     * certificate, at least 3 years of relevant experience, a vision text and how coaches are followed up.
     */
    @Transactional
    public UUID apply(UUID centreId, MandateApplication a, CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR) && !(actor.has(Role.PARTNER_MANAGER) && centreId.equals(actor.organisationId()))) {
            throw new NotFoundException("centre");
        }
        // only a career centre applies for a mandate: the same rule for the page and the API
        if (organisations.find(centreId).map(o -> o.kind() != OrganisationKind.CAREER_CENTRE).orElse(true)) {
            throw InvalidInputException.of("centreId", "centre.notACareerCentre");
        }
        Validator v = new Validator();
        v.check(EnterpriseNumber.isValid(a.enterpriseNumber()), "enterpriseNumber", "centre.enterpriseNumber");
        v.required("qualityCertificate", a.qualityCertificate(), 200);
        v.check(a.experienceYears() != null, "experienceYears", "validation.number");
        if (a.experienceYears() != null) {
            BigDecimal minExperience = BigDecimal.valueOf(policies.integerOn(VoucherPolicies.MANDATE_EXPERIENCE, today()));
            v.check(a.experienceYears().compareTo(minExperience) >= 0, "experienceYears", "centre.experience", minExperience);
        }
        v.required("vision", a.vision(), 10_000).required("coachFollowUp", a.coachFollowUp(), 10_000);
        v.throwIfInvalid();
        boolean pending = jdbc.sql("select count(*) from vc_mandate where organisation_id = ? and status = 'APPLIED'")
                .param(centreId).query(Long.class).single() > 0;
        if (pending) {
            throw InvalidInputException.of("centre", "centre.applicationPending");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_mandate (id, organisation_id, enterprise_number, status, quality_certificate, experience_years,
                  vision, coach_follow_up, stimulus_opt_in, applied_on) values (?,?,?,'APPLIED',?,?,?,?,?,?)""")
                .params(id, centreId, EnterpriseNumber.normalise(a.enterpriseNumber()), a.qualityCertificate().trim(),
                        a.experienceYears(), a.vision().trim(), a.coachFollowUp().trim(), Boolean.TRUE.equals(a.stimulusOptIn()),
                        today())
                .update();
        return id;
    }

    /**
     * The employment service approves or refuses. An approved mandate runs 6 years; a renewal starts the day after
     * the current mandate ends. A new enterprise number ends the old mandate (a new mandate is needed).
     */
    @Transactional
    public Mandate decide(UUID mandateId, boolean approve, String reason, CurrentUser actor) {
        Mandate m = mandate(mandateId);
        var claim = approve ? m.startDecision() : m.refuse();
        Validator v = new Validator();
        if (!approve) {
            v.required("reason", reason, 2000);
        } else {
            v.text("reason", reason, 2000);
        }
        v.throwIfInvalid();
        LocalDate today = today();
        if (!approve) {
            be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                            "update vc_mandate set status = ?, decided_on = ?, decided_by = ?, reason = ? where id = ? and status = ?")
                    .params(claim.toName(), today, actor.username(), reason.trim(), mandateId, claim.fromName()).update(),
                    "status", "centre.notPending");
            return mandate(mandateId);
        }
        // claim the decision first (compare-and-set), so that two parallel approvals cannot both end the current mandate
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                "update vc_mandate set status = ? where id = ? and status = ?").params(claim.toName(), mandateId, claim.fromName()).update(),
                "status", "centre.notPending");
        Optional<Mandate> current = mandatesOf(m.centreId()).stream()
                .filter(x -> x.inForceOn(today)).findFirst();
        LocalDate from = today;
        if (current.isPresent()) {
            if (current.get().enterpriseNumber().equals(m.enterpriseNumber())) {
                from = current.get().validUntil().plusDays(1); // renewal
            } else {
                var end = Mandate.Status.LIFECYCLE.move(current.get().status(), Mandate.Status.EXPIRED, "status", "centre.notActive");
                be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                                "update vc_mandate set status = ?, valid_until = ?, reason = 'new enterprise number' where id = ? and status = ?")
                        .params(end.toName(), today.minusDays(1), current.get().id(), end.fromName()).update(), "status", "centre.notActive");
            }
        }
        jdbc.sql("""
                update vc_mandate set status = 'APPROVED', decided_on = ?, decided_by = ?, reason = ?, valid_from = ?, valid_until = ?
                where id = ? and status = 'DECIDING'""")
                .params(today, actor.username(), reason == null || reason.isBlank() ? null : reason.trim(), from,
                        from.plusYears(policies.integerOn(VoucherPolicies.MANDATE_YEARS, from)).minusDays(1), mandateId)
                .update();
        jdbc.sql("""
                insert into vc_centre (organisation_id, enterprise_number, stimulus_opt_in) values (?,?,?)
                on conflict (organisation_id) do update set enterprise_number = excluded.enterprise_number,
                  stimulus_opt_in = excluded.stimulus_opt_in""")
                .params(m.centreId(), m.enterpriseNumber(), m.stimulusOptIn()).update();
        events.publishEvent(new CentresChanged(m.centreId()));
        return mandate(mandateId);
    }

    /** Suspension (temporary), revocation (final) or back to approved; sanctions use this after the defence period. */
    @Transactional
    public Mandate changeStatus(UUID mandateId, String status, String reason, CurrentUser actor) {
        Mandate m = mandate(mandateId);
        Mandate.Status target = java.util.Arrays.stream(Mandate.Status.values()).filter(x -> x.name().equals(status)).findFirst()
                .orElse(null);
        var move = m.changeTo(target);
        Validator v = new Validator();
        v.required("reason", reason, 2000);
        v.throwIfInvalid();
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                        "update vc_mandate set status = ?, reason = ?, decided_by = ? where id = ? and status = ?")
                .params(move.toName(), reason.trim(), actor.username(), mandateId, move.fromName()).update(), "status", "centre.notActive");
        events.publishEvent(new CentresChanged(m.centreId()));
        return mandate(mandateId);
    }

    /** A centre that does not guide for a while goes passive: out of the search robot and the figures. */
    @Transactional
    public void setPassive(UUID centreId, boolean passive, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        jdbc.sql("update vc_centre set passive = ? where organisation_id = ?").params(passive, centreId).update();
        events.publishEvent(new CentresChanged(centreId));
    }

    public record ProfileInput(String profile, String website, List<String> languages, Boolean eCoaching,
                               List<String> targetGroups, List<String> methodologies, Boolean vatLiable) {}

    /** Centres write their own profile (shown in the search robot). */
    @Transactional
    public void updateProfile(UUID centreId, ProfileInput p, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        List<String> languages = p.languages() == null ? List.of() : p.languages();
        List<String> groups = p.targetGroups() == null ? List.of() : p.targetGroups();
        List<String> methods = p.methodologies() == null ? List.of() : p.methodologies();
        Validator v = new Validator();
        v.required("profile", p.profile(), 5000).text("website", p.website(), 200);
        v.check(p.website() == null || p.website().isBlank() || p.website().startsWith("https://"), "website", "centre.websiteInvalid");
        v.check(!languages.isEmpty() && LANGUAGES.containsAll(languages), "languages", "validation.choice");
        v.check(TARGET_GROUPS.containsAll(groups), "targetGroups", "validation.choice");
        v.check(METHODOLOGIES.containsAll(methods), "methodologies", "validation.choice");
        v.throwIfInvalid();
        int n = jdbc.sql("""
                update vc_centre set profile = ?, website = ?, languages = ?::text[], e_coaching = ?, target_groups = ?::text[],
                  methodologies = ?::text[], vat_liable = coalesce(?, vat_liable) where organisation_id = ?""")
                .params(p.profile().trim(), p.website() == null || p.website().isBlank() ? null : p.website().trim(),
                        languages.toArray(String[]::new), Boolean.TRUE.equals(p.eCoaching()), groups.toArray(String[]::new),
                        methods.toArray(String[]::new), p.vatLiable(), centreId)
                .update();
        if (n == 0) {
            throw new NotFoundException("centre");
        }
        events.publishEvent(new CentresChanged(centreId));
    }

    @Transactional
    public UUID addSite(UUID centreId, String name, String street, String municipality, Boolean headOffice,
                        Boolean wheelchairAccess, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        Validator v = new Validator().required("name", name, 200).text("street", street, 200);
        Optional<Municipality> m = municipality == null ? Optional.empty() : municipalities.find(municipality);
        v.check(m.isPresent(), "municipality", "validation.municipality.unknown");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_site (id, organisation_id, name, street, municipality_nis, latitude, longitude, head_office, wheelchair_access)
                values (?,?,?,?,?,?,?,?,?)""")
                .params(id, centreId, name.trim(), street == null ? "" : street.trim(), m.get().nis(), m.get().lat(),
                        m.get().lon(), Boolean.TRUE.equals(headOffice), !Boolean.FALSE.equals(wheelchairAccess))
                .update();
        events.publishEvent(new CentresChanged(centreId));
        return id;
    }

    /**
     * The centre keeps the contact details of a site up to date: phone, e-mail and weekly opening hours (shown on
     * its public profile). Another centre's site does not exist for the caller.
     */
    @Transactional
    public void updateSiteContact(UUID centreId, UUID siteId, String phone, String email, OpeningHours hours, Validator v,
                                  CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        v.text("phone", phone, 40).phone("phone", phone).text("email", email, 200).email("email", email);
        v.throwIfInvalid();
        int n = jdbc.sql("update vc_site set phone = ?, email = ?, opening_hours = ? where id = ? and organisation_id = ?")
                .params(blankToNull(phone), blankToNull(email), hours.stored(), siteId, centreId).update();
        if (n == 0) {
            throw new NotFoundException("site");
        }
        events.publishEvent(new CentresChanged(centreId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Adds a coach, or links an existing coach (a subcontractor working for several centres) to this centre. */
    @Transactional
    public UUID addCoach(UUID centreId, UUID existingCoachId, String name, String profile, String kind, List<String> languages,
                         Boolean eCoaching, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        Validator v = new Validator();
        v.check(kind != null && COACH_KINDS.contains(kind), "kind", "validation.choice");
        if (existingCoachId == null) {
            v.required("name", name, 200).text("profile", profile, 5000);
            v.check(languages == null || LANGUAGES.containsAll(languages), "languages", "validation.choice");
        }
        v.throwIfInvalid();
        UUID id = existingCoachId;
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        boolean accepted;
        if (id == null) {
            id = UUID.randomUUID();
            jdbc.sql("insert into vc_coach (id, name, profile, languages, e_coaching, owner_organisation_id) values (?,?,?,?::text[],?,?)")
                    .params(id, name.trim(), profile == null ? "" : profile.trim(),
                            (languages == null || languages.isEmpty() ? List.of("nl") : languages).toArray(String[]::new),
                            Boolean.TRUE.equals(eCoaching), centreId)
                    .update();
            accepted = true;
        } else {
            UUID owner = jdbc.sql("select owner_organisation_id from vc_coach where id = ?").param(id)
                    .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                    .orElseThrow(() -> InvalidInputException.of("coachId", "voucher.unknownCoach")).orElse(null);
            // the coach's own centre links freely; any other centre asks, and the owning centre accepts
            accepted = centreId.equals(owner);
        }
        jdbc.sql("insert into vc_coach_centre (coach_id, organisation_id, kind, accepted_at, requested_by) values (?,?,?,?,?) on conflict do nothing")
                .params(id, centreId, kind, accepted ? now : null, actor.username()).update();
        events.publishEvent(new CentresChanged(centreId));
        return id;
    }

    /**
     * Closes a site of the centre. The last site cannot be closed (a centre needs an address in the search robot);
     * another centre's site does not exist for the caller.
     */
    @Transactional
    public void removeSite(UUID centreId, UUID siteId, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        long sites = jdbc.sql("select count(*) from vc_site where organisation_id = ?").param(centreId).query(Long.class).single();
        boolean own = jdbc.sql("select count(*) from vc_site where id = ? and organisation_id = ?").params(siteId, centreId)
                .query(Long.class).single() > 0;
        if (!own) {
            throw new NotFoundException("site");
        }
        if (sites <= 1) {
            throw InvalidInputException.of("siteId", "centre.lastSite");
        }
        jdbc.sql("delete from vc_site where id = ? and organisation_id = ?").params(siteId, centreId).update();
        events.publishEvent(new CentresChanged(centreId));
    }

    /**
     * A coach stops working for the centre: the link ends; the coach and the sessions they registered stay (a
     * subcontractor keeps working for the other centres).
     */
    @Transactional
    public void removeCoach(UUID centreId, UUID coachId, CurrentUser actor) {
        requireOwnCentreOrAdmin(centreId, actor);
        int removed = jdbc.sql("delete from vc_coach_centre where coach_id = ? and organisation_id = ?").params(coachId, centreId).update();
        if (removed == 0) {
            throw new NotFoundException("coach");
        }
        events.publishEvent(new CentresChanged(centreId));
    }

    /** A link another centre asked for, waiting for this (owning) centre's answer. */
    public record LinkRequest(UUID coachId, String coachName, UUID centreId, String centreName, String kind, String requestedBy) {}

    public List<LinkRequest> linkRequests(UUID ownerCentreId, CurrentUser actor) {
        requireOwnCentreOrAdmin(ownerCentreId, actor);
        return jdbc.sql("""
                select k.id, k.name, cc.organisation_id, o.name, cc.kind, cc.requested_by from vc_coach_centre cc
                join vc_coach k on k.id = cc.coach_id join identity_v_organisation o on o.id = cc.organisation_id
                where k.owner_organisation_id = ? and cc.accepted_at is null order by k.name, o.name""")
                .param(ownerCentreId).query((rs, i) -> new LinkRequest(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    /** The owning centre accepts (or refuses) another centre's link to its coach. A guarded transition. */
    @Transactional
    public void answerLinkRequest(UUID ownerCentreId, UUID coachId, UUID requestingCentreId, boolean accept, CurrentUser actor) {
        requireOwnCentreOrAdmin(ownerCentreId, actor);
        boolean owns = jdbc.sql("select count(*) from vc_coach where id = ? and owner_organisation_id = ?").params(coachId, ownerCentreId)
                .query(Long.class).single() > 0;
        if (!owns) {
            throw new NotFoundException("coach");
        }
        int n = accept
                ? jdbc.sql("update vc_coach_centre set accepted_at = ? where coach_id = ? and organisation_id = ? and accepted_at is null")
                        .params(java.time.OffsetDateTime.now(clock), coachId, requestingCentreId).update()
                : jdbc.sql("delete from vc_coach_centre where coach_id = ? and organisation_id = ? and accepted_at is null")
                        .params(coachId, requestingCentreId).update();
        be.werkregie.shared.ConflictException.unlessChanged(n, "coachId", "centre.linkNotPending");
        events.publishEvent(new CentresChanged(requestingCentreId));
    }

    /** A coach's public profile is written by the centre that owns the coach's record (or an administrator), nobody else. */
    @Transactional
    public void updateCoachProfile(UUID coachId, String profile, CurrentUser actor) {
        UUID centre = actor.organisationId();
        boolean ownCoach = centre != null && jdbc.sql("select count(*) from vc_coach where id = ? and owner_organisation_id = ?")
                .params(coachId, centre).query(Long.class).single() > 0;
        if (!ownCoach && !actor.has(Role.ADMINISTRATOR)) {
            throw new NotFoundException("coach");
        }
        new Validator().required("profile", profile, 5000).throwIfInvalid();
        jdbc.sql("update vc_coach set profile = ? where id = ?").params(profile.trim(), coachId).update();
        events.publishEvent(new CentresChanged(centre));
    }

    /** Raises the centres' data version in the transaction of the change (other instances' search robots follow it). */
    @org.springframework.context.event.EventListener
    void raiseVersion(CentresChanged changed) {
        jdbc.sql("update vc_centres_version set version = version + 1 where id = 1").update();
    }

    private void requireOwnCentreOrAdmin(UUID centreId, CurrentUser actor) {
        boolean own = actor.organisationKind() == OrganisationKind.CAREER_CENTRE && centreId.equals(actor.organisationId())
                && actor.hasAny(Role.PARTNER_MANAGER, Role.PARTNER_STAFF);
        if (!own && !actor.has(Role.ADMINISTRATOR)) {
            throw new NotFoundException("centre");
        }
    }

    private Mandate mandate(UUID id) {
        return jdbc.sql(MANDATE_SELECT + " where m.id = ?").param(id).query(CareerCentres::mapMandate).optional()
                .orElseThrow(() -> new NotFoundException("mandate"));
    }

    private static final String MANDATE_SELECT = """
            select m.id, m.organisation_id, o.name, m.enterprise_number, m.status, m.quality_certificate, m.experience_years,
              m.vision, m.coach_follow_up, m.stimulus_opt_in, m.applied_on, m.decided_on, m.valid_from, m.valid_until, m.reason
            from vc_mandate m join identity_v_organisation o on o.id = m.organisation_id""";

    private static Mandate mapMandate(java.sql.ResultSet rs, int i) throws SQLException {
        return new Mandate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Mandate.Status.valueOf(rs.getString(5)), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
                rs.getObject(14, LocalDate.class), rs.getString(15));
    }

    static List<String> list(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
