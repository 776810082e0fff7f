package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.policy.Policies;
import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campus childcare: two living groups of 18 children per campus (run by an external operator) for course
 * participants, job seekers and children of the neighbourhood. A request waits on the campus's list; places are given
 * by the dated priority of the parent's category ({@code campus.childcare.priority.*}, lower first: course participants
 * and job seekers before the neighbourhood), then by the date of the request, the moment a place is free — at a new
 * request, or when a child leaves. The groups are locked while places are counted.
 */
@Service
public class CampusChildcare implements PolicyCatalogue {

    public enum Category { COURSE_PARTICIPANT, JOB_SEEKER, NEIGHBOURHOOD }

    public record Group(UUID id, String name, int capacity, int placed) {
        public int free() {
            return Math.max(0, capacity - placed);
        }
    }

    public record Request(UUID id, UUID campusId, String childName, LocalDate birthDate, String parentName, String parentEmail, Category category,
                          LocalDate fromDate, String status, UUID groupId, OffsetDateTime requestedAt) {}

    public record RequestInput(String childName, LocalDate birthDate, String parentName, String parentEmail, Category category, LocalDate fromDate) {}

    static final String PRIORITY = "campus.childcare.priority.";

    private final JdbcClient jdbc;
    private final Campuses campuses;
    private final Policies policies;
    private final Clock clock;

    CampusChildcare(JdbcClient jdbc, Campuses campuses, @Lazy Policies policies, Clock clock) {
        this.jdbc = jdbc;
        this.campuses = campuses;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        return List.of(
                PolicyDefinition.integer(PRIORITY + "COURSE_PARTICIPANT", false, 1, 9, "Childcare priority of course participants (1 first)",
                        PolicyDefinition.since(CampusPolicies.SINCE, 1)),
                PolicyDefinition.integer(PRIORITY + "JOB_SEEKER", false, 1, 9, "Childcare priority of job seekers (1 first)",
                        PolicyDefinition.since(CampusPolicies.SINCE, 1)),
                PolicyDefinition.integer(PRIORITY + "NEIGHBOURHOOD", false, 1, 9, "Childcare priority of children from the neighbourhood (1 first)",
                        PolicyDefinition.since(CampusPolicies.SINCE, 2)));
    }

    int priority(Category c, LocalDate on) {
        return policies.integerOn(PRIORITY + c, on);
    }

    private void requireStaff(CurrentUser actor, UUID campusId) {
        if (actor == null || !(campuses.manages(actor, campusId) || actor.hasAny(Role.MEDIATOR, Role.SOCIAL_WORKER, Role.PARTNER_STAFF))) {
            throw new NotFoundException("childcare");
        }
    }

    public List<Group> groups(UUID campusId) {
        return jdbc.sql("""
                select g.id, g.name, g.capacity, (select count(*) from cp_childcare_request r where r.group_id = g.id and r.status = 'PLACED')
                from cp_childcare_group g where g.campus_id = ? order by g.name""").param(campusId)
                .query((rs, i) -> new Group(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    private static final String SELECT = """
            select id, campus_id, child_name, birth_date, parent_name, parent_email, category, from_date, status, group_id, requested_at
            from cp_childcare_request""";

    private static Request map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                rs.getString(6), Category.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, UUID.class),
                rs.getObject(11, OffsetDateTime.class));
    }

    /** The waiting list in the order places are given: priority of the category on today's rules, then the date of the request. */
    public List<Request> waiting(UUID campusId) {
        LocalDate today = LocalDate.now(clock);
        List<Request> list = new ArrayList<>(jdbc.sql(SELECT + " where campus_id = ? and status = 'WAITING'").param(campusId).query(CampusChildcare::map).list());
        list.sort(Comparator.comparingInt((Request r) -> priority(r.category(), today)).thenComparing(Request::requestedAt).thenComparing(Request::id));
        return list;
    }

    public List<Request> placed(UUID campusId) {
        return jdbc.sql(SELECT + " where campus_id = ? and status = 'PLACED' order by child_name").param(campusId).query(CampusChildcare::map).list();
    }

    /** Puts a child on the waiting list, then gives the free places. */
    @Transactional
    public Request request(UUID campusId, RequestInput in, CurrentUser actor) {
        requireStaff(actor, campusId);
        Validator v = new Validator().required("childName", in.childName(), 150).required("parentName", in.parentName(), 150)
                .email("parentEmail", in.parentEmail());
        v.check(in.category() != null, "category", "validation.choice");
        v.check(in.birthDate() != null, "birthDate", "validation.date");
        v.check(in.fromDate() != null, "fromDate", "validation.date");
        LocalDate today = LocalDate.now(clock);
        if (in.birthDate() != null) {
            v.check(!in.birthDate().isAfter(today) && in.birthDate().isAfter(today.minusYears(4)), "birthDate", "campus.childcare.age");
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cp_childcare_request (id, campus_id, child_name, birth_date, parent_name, parent_email, category, from_date, status,
                  requested_by, requested_at) values (?,?,?,?,?,?,?,?,'WAITING',?,?)""")
                .params(id, campusId, in.childName().trim(), in.birthDate(), in.parentName().trim(),
                        in.parentEmail() == null || in.parentEmail().isBlank() ? null : in.parentEmail().trim(), in.category().name(), in.fromDate(),
                        actor.username(), OffsetDateTime.now(clock))
                .update();
        fill(campusId);
        return find(id).orElseThrow();
    }

    /** A child leaves: the place goes to the next on the list. */
    @Transactional
    public Request end(UUID requestId, CurrentUser actor) {
        Request r = find(requestId).orElseThrow(() -> new NotFoundException("childcare"));
        if (!campuses.manages(actor, r.campusId())) {
            throw new NotFoundException("childcare");
        }
        ConflictException.unlessChanged(jdbc.sql("update cp_childcare_request set status = 'ENDED', ended_at = ? where id = ? and status = 'PLACED'")
                .params(OffsetDateTime.now(clock), requestId).update(), "request", "campus.childcare.notPlaced");
        fill(r.campusId());
        return find(requestId).orElseThrow();
    }

    /** Gives every free place to the head of the waiting list (groups locked while counting). Returns how many were placed. */
    @Transactional
    public int fill(UUID campusId) {
        jdbc.sql("select id from cp_childcare_group where campus_id = ? for update").param(campusId).query(UUID.class).list();
        int placed = 0;
        for (Request next : waiting(campusId)) {
            Optional<Group> free = groups(campusId).stream().filter(g -> g.free() > 0).findFirst();
            if (free.isEmpty()) {
                break;
            }
            placed += jdbc.sql("update cp_childcare_request set status = 'PLACED', group_id = ?, placed_at = ? where id = ? and status = 'WAITING'")
                    .params(free.get().id(), OffsetDateTime.now(clock), next.id()).update();
        }
        return placed;
    }

    public Optional<Request> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(CampusChildcare::map).optional();
    }

    /** Two living groups of the given size for a campus that has none yet. */
    void createGroups(UUID campusId, int size) {
        for (String name : List.of("Leefgroep 1", "Leefgroep 2")) {
            jdbc.sql("insert into cp_childcare_group (id, campus_id, name, capacity) values (?,?,?,?) on conflict do nothing")
                    .params(UUID.randomUUID(), campusId, name, size).update();
        }
    }
}
