package be.werkregie.cooperation;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cooperation agreements between the employment service and a municipality (or several together) with the pact's fixed
 * rubrics — environment analysis, goals with an indicator and a target, actions (from the central inspiration set or
 * local), task division — and each year's operational action plan: actions with an owner (trekker), a status, progress
 * and their history. A year's plan is published on the public page of every municipality it covers; a goal's progress
 * is the mean of its actions' progress that year (stopped actions left out).
 *
 * <p>Who edits: administrators and the employment service's partner managers, and local-government staff of a
 * municipality the agreement covers. Every action change is a compare-and-set on its version, with a history row.
 */
@Service
public class ActionPlans {

    /** The central inspiration set of actions (codes; their names are texts in three languages). */
    public static final List<String> INSPIRATION = List.of("OUTREACH_CONTACT_POINTS", "JOINT_INTAKE", "LANGUAGE_AT_WORK", "WORK_EXPERIENCE_WES",
            "NEIGHBOURHOOD_WORK", "DEBT_COUNSELLING_LINK", "CHILDCARE_FOR_JOB_SEEKERS", "EMPLOYER_MATCHING_DAYS");

    public enum ActionStatus { PLANNED, RUNNING, DONE, STOPPED }

    public record Agreement(UUID id, String name, List<String> municipalities, int fromYear, int untilYear, String environmentAnalysis,
                            String taskDivision, String status) {}

    public record Goal(UUID id, UUID agreementId, int position, String title, String indicator, BigDecimal target, String unit) {}

    public record Action(UUID id, UUID goalId, int planYear, String title, String inspiration, String owner, ActionStatus status,
                         int progress, LocalDate dueOn, OffsetDateTime updatedAt, int version) {}

    public record Change(ActionStatus status, int progress, String note, String changedBy, OffsetDateTime changedAt) {}

    /** A goal with its actions of the year and their rolled-up progress. */
    public record GoalPlan(Goal goal, List<Action> actions, Integer progress) {}

    public record Plan(Agreement agreement, int year, boolean published, OffsetDateTime publishedAt, List<GoalPlan> goals, Integer progress) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;

    ActionPlans(JdbcClient jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Whether the actor may edit an agreement covering these municipalities. */
    public boolean mayEdit(CurrentUser actor, List<String> municipalities) {
        if (actor.hasAny(Role.ADMINISTRATOR, Role.PARTNER_MANAGER) && actor.worksForEmploymentService()) {
            return true;
        }
        if (actor.has(Role.LOCAL_GOVERNMENT) && actor.organisationId() != null) {
            String nis = organisations.find(actor.organisationId()).map(o -> o.municipalityNis()).orElse(null);
            return nis != null && municipalities.contains(nis.trim());
        }
        return false;
    }

    private Agreement editable(UUID agreementId, CurrentUser actor) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new NotFoundException("agreement"));
        if (!mayEdit(actor, a.municipalities())) {
            throw new NotFoundException("agreement");
        }
        return a;
    }

    @Transactional
    public UUID createAgreement(String name, List<String> municipalities, Integer fromYear, Integer untilYear, String environmentAnalysis,
                                String taskDivision, CurrentUser actor, java.util.function.Predicate<String> knownMunicipality) {
        Validator v = new Validator();
        v.required("name", name, 200).required("environmentAnalysis", environmentAnalysis, 20_000).required("taskDivision", taskDivision, 20_000);
        List<String> nis = municipalities == null ? List.of() : municipalities.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        v.check(!nis.isEmpty() && nis.stream().allMatch(knownMunicipality), "municipalities", "cooperation.agreement.municipalities.invalid");
        v.check(fromYear != null && fromYear >= 2020 && fromYear <= 2100, "fromYear", "validation.range", 2020, 2100);
        v.check(untilYear != null && untilYear >= 2020 && untilYear <= 2100, "untilYear", "validation.range", 2020, 2100);
        v.throwIfInvalid();
        v.check(untilYear >= fromYear, "untilYear", "cooperation.agreement.untilBeforeFrom");
        v.check(untilYear - fromYear <= 6, "untilYear", "cooperation.agreement.tooLong", 6);
        v.throwIfInvalid();
        if (!mayEdit(actor, nis)) {
            throw InvalidInputException.of("municipalities", "cooperation.agreement.notYours");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into co_agreement (id, name, municipalities, from_year, until_year, environment_analysis, task_division, status, created_by,
                  created_at) values (?,?,?::char(5)[],?,?,?,?,'SIGNED',?,?)""")
                .params(id, name.trim(), "{" + String.join(",", nis) + "}", fromYear, untilYear, environmentAnalysis.trim(), taskDivision.trim(),
                        actor.username(), OffsetDateTime.now(clock))
                .update();
        return id;
    }

    @Transactional
    public UUID addGoal(UUID agreementId, String title, String indicator, BigDecimal target, String unit, CurrentUser actor) {
        editable(agreementId, actor);
        Validator v = new Validator();
        v.required("goalTitle", title, 300).required("indicator", indicator, 300).text("unit", unit, 40);
        v.check(target == null || target.signum() >= 0, "target", "validation.positive");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from co_goal where agreement_id = ?").param(agreementId)
                .query(Integer.class).single();
        jdbc.sql("insert into co_goal (id, agreement_id, position, title, indicator, target, unit) values (?,?,?,?,?,?,?)")
                .params(id, agreementId, position, title.trim(), indicator.trim(), target, unit == null || unit.isBlank() ? null : unit.trim()).update();
        return id;
    }

    @Transactional
    public UUID addAction(UUID goalId, Integer planYear, String title, String inspiration, String owner, LocalDate dueOn, CurrentUser actor) {
        Goal g = goal(goalId).orElseThrow(() -> new NotFoundException("goal"));
        Agreement a = editable(g.agreementId(), actor);
        Validator v = new Validator();
        v.check(planYear != null && planYear >= a.fromYear() && planYear <= a.untilYear(), "planYear", "validation.range", a.fromYear(),
                a.untilYear());
        v.check(inspiration == null || inspiration.isBlank() || INSPIRATION.contains(inspiration), "inspiration", "validation.choice");
        boolean local = inspiration == null || inspiration.isBlank();
        if (local) {
            v.required("title", title, 300);
        } else {
            v.text("title", title, 300);
        }
        v.required("owner", owner, 200);
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into co_action (id, goal_id, plan_year, title, inspiration, owner, status, progress, due_on, updated_at)
                values (?,?,?,?,?,?,'PLANNED',0,?,?)""")
                .params(id, goalId, planYear, title == null || title.isBlank() ? inspiration : title.trim(), local ? null : inspiration,
                        owner.trim(), dueOn, now)
                .update();
        jdbc.sql("insert into co_action_history (action_id, status, progress, note, changed_by, changed_at) values (?,'PLANNED',0,?,?,?)")
                .params(id, "Opgenomen in het actieplan", actor.displayName(), now).update();
        return id;
    }

    /** Updates an action's status and progress (with a note for the history); refused when someone changed it meanwhile. */
    @Transactional
    public Action update(UUID actionId, Integer expectedVersion, ActionStatus status, Integer progress, String note, CurrentUser actor) {
        Action act = action(actionId).orElseThrow(() -> new NotFoundException("action"));
        Goal g = goal(act.goalId()).orElseThrow();
        editable(g.agreementId(), actor);
        Validator v = new Validator();
        v.check(status != null, "status", "validation.choice");
        v.check(progress != null && progress >= 0 && progress <= 100, "progress", "validation.range", 0, 100);
        v.required("note", note, 2000);
        v.check(expectedVersion != null, "version", "validation.choice");
        v.throwIfInvalid();
        v.check(status != ActionStatus.DONE || progress == 100, "progress", "cooperation.action.doneIsComplete");
        v.throwIfInvalid();
        OffsetDateTime now = OffsetDateTime.now(clock);
        ConflictException.unlessChanged(jdbc.sql("""
                        update co_action set status = ?, progress = ?, updated_at = ?, version = version + 1 where id = ? and version = ?""")
                .params(status.name(), progress, now, actionId, expectedVersion).update(), "version", "cooperation.action.changedMeanwhile");
        jdbc.sql("insert into co_action_history (action_id, status, progress, note, changed_by, changed_at) values (?,?,?,?,?,?)")
                .params(actionId, status.name(), progress, note.trim(), actor.displayName(), now).update();
        return action(actionId).orElseThrow();
    }

    /** Publishes a year's plan: from now on it is on the public page (with its live progress and history). Once. */
    @Transactional
    public void publish(UUID agreementId, Integer year, CurrentUser actor) {
        Agreement a = editable(agreementId, actor);
        Validator v = new Validator();
        v.check(year != null && year >= a.fromYear() && year <= a.untilYear(), "year", "validation.range", a.fromYear(), a.untilYear());
        v.throwIfInvalid();
        v.check(jdbc.sql("select count(*) from co_action x join co_goal g on g.id = x.goal_id where g.agreement_id = ? and x.plan_year = ?")
                .params(agreementId, year).query(Long.class).single() > 0, "year", "cooperation.plan.empty");
        v.throwIfInvalid();
        int n = jdbc.sql("insert into co_plan_publication (agreement_id, plan_year, published_at, published_by) values (?,?,?,?) on conflict do nothing")
                .params(agreementId, year, OffsetDateTime.now(clock), actor.displayName()).update();
        if (n == 0) {
            throw new ConflictException("year", "cooperation.plan.alreadyPublished");
        }
    }

    public Optional<Agreement> agreement(UUID id) {
        return agreements("where id = ?", id).stream().findFirst();
    }

    /** The agreements covering a municipality. */
    public List<Agreement> ofMunicipality(String nis) {
        return agreements("where ? = any(municipalities)", nis);
    }

    public List<Agreement> editableBy(CurrentUser actor) {
        return agreements("order by name").stream().filter(a -> mayEdit(actor, a.municipalities())).toList();
    }

    private List<Agreement> agreements(String where, Object... params) {
        String sql = "select id, name, municipalities::text[], from_year, until_year, environment_analysis, task_division, status from co_agreement "
                + (where.startsWith("order") ? where : where + " order by from_year desc, name");
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new Agreement(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.stream((String[]) rs.getArray(3).getArray()).map(String::trim).toList(), rs.getInt(4), rs.getInt(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    public Optional<Goal> goal(UUID id) {
        return jdbc.sql("select id, agreement_id, position, title, indicator, target, unit from co_goal where id = ?").param(id)
                .query((rs, i) -> new Goal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getString(7)))
                .optional();
    }

    public Optional<Action> action(UUID id) {
        return actions("where id = ?", id).stream().findFirst();
    }

    private List<Action> actions(String where, Object... params) {
        return jdbc.sql("select id, goal_id, plan_year, title, inspiration, owner, status, progress, due_on, updated_at, version from co_action "
                        + where + " order by title")
                .params(params)
                .query((rs, i) -> new Action(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), ActionStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, OffsetDateTime.class), rs.getInt(11)))
                .list();
    }

    public List<Change> history(UUID actionId) {
        return jdbc.sql("select status, progress, note, changed_by, changed_at from co_action_history where action_id = ? order by changed_at desc, id desc")
                .param(actionId)
                .query((rs, i) -> new Change(ActionStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** A year's plan of an agreement with progress rolled up from actions to goals to the plan. */
    public Plan plan(UUID agreementId, int year) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new NotFoundException("agreement"));
        Optional<OffsetDateTime> published = jdbc.sql("select published_at from co_plan_publication where agreement_id = ? and plan_year = ?")
                .params(agreementId, year).query(OffsetDateTime.class).optional();
        List<GoalPlan> goals = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (Goal g : jdbc.sql("select id from co_goal where agreement_id = ? order by position").param(agreementId).query(UUID.class).list()
                .stream().map(id -> goal(id).orElseThrow()).toList()) {
            List<Action> actions = actions("where goal_id = ? and plan_year = ?", g.id(), year);
            List<Integer> counted = actions.stream().filter(x -> x.status() != ActionStatus.STOPPED).map(Action::progress).toList();
            all.addAll(counted);
            goals.add(new GoalPlan(g, actions, mean(counted)));
        }
        return new Plan(a, year, published.isPresent(), published.orElse(null), goals, mean(all));
    }

    /** The published plans covering a municipality, newest year first (what the public page shows). */
    public List<Plan> publishedFor(String nis) {
        List<Plan> out = new ArrayList<>();
        for (Agreement a : ofMunicipality(nis)) {
            for (Integer y : jdbc.sql("select plan_year from co_plan_publication where agreement_id = ? order by plan_year desc").param(a.id())
                    .query(Integer.class).list()) {
                out.add(plan(a.id(), y));
            }
        }
        return out;
    }

    static Integer mean(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        return (int) Math.round(values.stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
