package be.werkregie.people;

import be.werkregie.audit.AuditTrail;
import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Language;
import be.werkregie.shared.NationalNumber;
import be.werkregie.shared.Validator;
import java.sql.Array;
import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers people after checking every field; bad input changes nothing. */
@Service
public class PersonRegistration {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Municipalities municipalities;
    private final AuditTrail audit;

    private final java.time.Clock clock;

    private final Consents consents;

    PersonRegistration(java.time.Clock clock, JdbcClient jdbc, JdbcTemplate template, Municipalities municipalities, AuditTrail audit,
                       Consents consents) {
        this.consents = consents;
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
        this.municipalities = municipalities;
        this.audit = audit;
    }

    record Valid(NationalNumber nn, Municipality municipality, List<Channel> channels, PersonStatus status, Education education) {}

    /** Checks a registration and returns the parsed values, or throws with every field problem. */
    Valid validate(NewPerson p, boolean checkDuplicate) {
        Validator v = new Validator();
        NationalNumber nn = null;
        var nnProblem = NationalNumber.problem(p.nationalNumber());
        if (nnProblem.isPresent()) {
            v.add("nationalNumber", nnProblem.get());
        } else {
            nn = NationalNumber.of(p.nationalNumber());
            if (nn.birthDate().isAfter(java.time.LocalDate.now(clock))) {
                v.add("nationalNumber", "validation.nationalNumber.date");
            } else if (checkDuplicate && jdbc.sql("select count(*) from person where national_number = ?").param(nn.value())
                    .query(Long.class).single() > 0) {
                v.add("nationalNumber", "validation.nationalNumber.exists");
            }
        }
        v.required("firstName", p.firstName(), 100).required("lastName", p.lastName(), 100);
        Municipality m = null;
        if (p.municipality() == null || p.municipality().isBlank()) {
            v.add("municipality", "validation.required");
        } else {
            m = municipalities.find(p.municipality()).orElse(null);
            v.check(m != null, "municipality", "validation.municipality.unknown");
        }
        v.text("street", p.street(), 200).email("email", p.email()).phone("phone", p.phone());
        v.check(Language.fromCode(p.language(), null) != null, "language", "validation.language");
        v.check(p.contactLanguage() == null || p.contactLanguage().isBlank() || p.contactLanguage().matches("[a-z]{2}"),
                "contactLanguage", "validation.language");
        List<Channel> channels = new ArrayList<>();
        if (p.preferredChannels() == null || p.preferredChannels().isEmpty()) {
            v.add("preferredChannels", "validation.channels.empty");
        } else {
            for (String c : p.preferredChannels()) {
                try {
                    Channel ch = Channel.valueOf(c);
                    if (!channels.contains(ch)) {
                        channels.add(ch);
                    }
                } catch (IllegalArgumentException | NullPointerException e) {
                    v.add("preferredChannels", "validation.channels.unknown");
                }
            }
            v.check(!channels.contains(Channel.EMAIL) || notBlank(p.email()), "email", "validation.channels.emailNeeded");
            v.check(!channels.contains(Channel.SMS) || notBlank(p.phone()), "phone", "validation.channels.phoneNeeded");
            v.check(!channels.contains(Channel.PHONE) || notBlank(p.phone()), "phone", "validation.channels.phoneNeeded");
            v.check(!channels.contains(Channel.LETTER) || notBlank(p.street()), "street", "validation.channels.addressNeeded");
        }
        PersonStatus status = parse(PersonStatus.class, p.status(), "status", v);
        Education education = parse(Education.class, p.education(), "education", v);
        if (p.dimensions() != null) {
            for (Map.Entry<String, Integer> d : p.dimensions().entrySet()) {
                v.check(Person.DIMENSIONS.contains(d.getKey()), d.getKey(), "validation.dimension");
                v.check(d.getValue() == null || (d.getValue() >= 1 && d.getValue() <= 5), d.getKey(), "validation.dimension");
            }
        }
        v.throwIfInvalid();
        return new Valid(nn, m, channels, status, education);
    }

    /**
     * The person's consent, recorded with the registration by a partner or a social service (the person present, or on
     * a signed form): without it the registering organisation could not see the person it has just registered.
     */
    public record ConsentAtRegistration(String purpose, String scope, java.time.LocalDate expiresOn, String recordedVia,
                                        String evidence) {}

    @Transactional
    public UUID register(NewPerson p, CurrentUser actor) {
        return register(p, null, actor);
    }

    /**
     * Registers a person. The employment service registers on its legal basis; any other organisation registers with
     * the person's consent for itself, recorded in the same transaction (both or neither are stored), so it then sees
     * and follows the person it registered. Every problem of the form, the consent's included, is reported at once.
     */
    @Transactional
    public UUID register(NewPerson p, ConsentAtRegistration consent, CurrentUser actor) {
        boolean legalBasis = actor == null || actor.has(be.werkregie.identity.Role.ADMINISTRATOR)
                || actor.has(be.werkregie.identity.Role.MEDIATOR) && actor.worksForEmploymentService();
        java.util.List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        Valid valid = null;
        try {
            valid = validate(p, true);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!legalBasis) {
            Validator c = new Validator();
            c.check(consent != null, "consent", "validation.consent.neededToRegister");
            if (consent != null) {
                c.required("purpose", consent.purpose(), 200);
                c.check(consent.expiresOn() != null, "expiresOn", "validation.required");
                c.check("IN_PERSON".equals(consent.recordedVia()) || "SIGNED_FORM".equals(consent.recordedVia()), "recordedVia",
                        "validation.consent.howGiven");
            }
            try {
                c.throwIfInvalid();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        List<Object[]> one = new ArrayList<>();
        one.add(new Object[] {id, p, valid});
        insert(one);
        audit.record(actor, id, AuditTrail.Action.WRITE, "PROFILE", "registration", null);
        if (!legalBasis) {
            consents.grant(id, actor.organisationId(), consent.purpose(), consent.scope() == null ? "ACT" : consent.scope(),
                    null, consent.expiresOn(), consent.recordedVia(), consent.evidence(), actor);
        }
        return id;
    }

    /** Bulk import (authentic sources, demo data); every row is validated first, nothing is stored if one fails. */
    @Transactional
    public List<UUID> importAll(List<NewPerson> people) {
        List<Object[]> rows = new ArrayList<>(people.size());
        List<UUID> ids = new ArrayList<>(people.size());
        for (NewPerson p : people) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, p, validate(p, false)});
            ids.add(id);
        }
        insert(rows);
        return ids;
    }

    private void insert(List<Object[]> rows) {
        template.batchUpdate("""
                insert into person (id, national_number, first_name, last_name, birth_date, sex, municipality_nis, street, email,
                  phone, language, contact_language, preferred_channels, status, education, migration_background, work_disability,
                  unemployment_duration, digital_skills, dutch_level, motivation, mobility, finances, health, career_clarity,
                  reachability, persona)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows, 1000, (ps, row) -> {
            UUID id = (UUID) row[0];
            NewPerson p = (NewPerson) row[1];
            Valid v = (Valid) row[2];
            ps.setObject(1, id);
            ps.setString(2, v.nn().value());
            ps.setString(3, p.firstName().trim());
            ps.setString(4, p.lastName().trim());
            ps.setDate(5, Date.valueOf(v.nn().birthDate()));
            ps.setString(6, String.valueOf(v.nn().sex()));
            ps.setString(7, v.municipality().nis());
            ps.setString(8, blankToNull(p.street()));
            ps.setString(9, blankToNull(p.email()));
            ps.setString(10, blankToNull(p.phone()));
            ps.setString(11, p.language().toLowerCase());
            ps.setString(12, notBlank(p.contactLanguage()) ? p.contactLanguage() : p.language().toLowerCase());
            Array channels = ps.getConnection().createArrayOf("text", v.channels().stream().map(Enum::name).toArray());
            ps.setArray(13, channels);
            ps.setString(14, v.status().name());
            ps.setString(15, v.education().name());
            ps.setBoolean(16, Boolean.TRUE.equals(p.migrationBackground()));
            ps.setBoolean(17, Boolean.TRUE.equals(p.workDisability()));
            for (int i = 0; i < Person.DIMENSIONS.size(); i++) {
                Integer value = p.dimensions() == null ? null : p.dimensions().get(Person.DIMENSIONS.get(i));
                ps.setObject(18 + i, value == null ? null : value.shortValue(), java.sql.Types.SMALLINT);
            }
            ps.setString(27, p.persona());
        });
    }

    @Transactional
    public void updateChannels(UUID personId, List<String> preferred, String email, String phone, String street,
                               CurrentUser actor) {
        Validator v = new Validator();
        v.email("email", email).phone("phone", phone).text("street", street, 200);
        List<Channel> channels = new ArrayList<>();
        if (preferred == null || preferred.isEmpty()) {
            v.add("preferredChannels", "validation.channels.empty");
        } else {
            for (String c : preferred) {
                if (EnumSet.allOf(Channel.class).stream().anyMatch(ch -> ch.name().equals(c))) {
                    channels.add(Channel.valueOf(c));
                } else {
                    v.add("preferredChannels", "validation.channels.unknown");
                }
            }
        }
        v.check(!channels.contains(Channel.EMAIL) || notBlank(email), "email", "validation.channels.emailNeeded");
        v.check(!(channels.contains(Channel.SMS) || channels.contains(Channel.PHONE)) || notBlank(phone), "phone",
                "validation.channels.phoneNeeded");
        v.check(!channels.contains(Channel.LETTER) || notBlank(street), "street", "validation.channels.addressNeeded");
        v.throwIfInvalid();
        int updated = jdbc.sql("update person set preferred_channels = ?::text[], email = ?, phone = ?, street = ? where id = ?")
                .params(channels.stream().map(Enum::name).toArray(String[]::new), blankToNull(email), blankToNull(phone),
                        blankToNull(street), personId)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("person", "validation.person.unknown");
        }
        audit.record(actor, personId, AuditTrail.Action.WRITE, "CONTACT", "channel preferences", String.join(",", preferred));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Validator v) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            v.add(field, "validation.choice");
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }
}
