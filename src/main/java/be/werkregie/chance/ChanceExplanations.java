package be.werkregie.chance;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * For the audit role: why a client got their score — the contribution of each input (coefficients times the
 * standardised input for the logistic regression; for the trees XGBoost's exact per-tree contributions, TreeSHAP).
 * Every look is recorded in the client's audit trail.
 */
@Service
class ChanceExplanations {

    record Explanation(UUID personId, LocalDate scoredOn, String version, BigDecimal score, String group, String trainer,
                       List<Scorer.Contribution> contributions, String unscoredReason) {}

    private final JdbcClient jdbc;
    private final ChanceModels models;
    private final AuditTrail audit;

    ChanceExplanations(JdbcClient jdbc, ChanceModels models, AuditTrail audit) {
        this.jdbc = jdbc;
        this.models = models;
        this.audit = audit;
    }

    Explanation explain(UUID personId, CurrentUser actor) {
        ChanceModels.requireRunner(actor);
        var scored = jdbc.sql("""
                select s.scored_on, s.version_id, s.score, s.group_code from ch_score s where s.person_id = ?
                order by s.scored_on desc limit 1""").param(personId)
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3), rs.getString(4)})
                .optional();
        var unscored = jdbc.sql("select scored_on, version_id, reason from ch_unscored where person_id = ? order by scored_on desc limit 1")
                .param(personId).query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getString(3)})
                .optional();
        if (scored.isEmpty() && unscored.isEmpty()) {
            throw new NotFoundException("person");
        }
        audit.record(actor, personId, AuditTrail.Action.READ, "CHANCE", "explanation of the chance-of-work score", null);
        if (scored.isEmpty() || (unscored.isPresent() && ((LocalDate) unscored.get()[0]).isAfter((LocalDate) scored.get()[0]))) {
            Object[] u = unscored.get();
            ChanceModels.Version v = models.find((UUID) u[1]).orElseThrow();
            return new Explanation(personId, (LocalDate) u[0], v.label(), null, null, v.trainer(), List.of(), (String) u[2]);
        }
        Object[] s = scored.get();
        ChanceModels.Version v = models.find((UUID) s[1]).orElseThrow();
        GroundTruth.Inputs inputs = jdbc.sql("""
                select unemployed_months, experience_years, education, dutch_level, other_languages, desired_occupations, bottleneck,
                  region_rate, online_activity, previous_spells, driver_licence, province
                from ch_spell where person_id = ? and started_on <= ? and (ended_on is null or ended_on >= ?) order by started_on desc limit 1""")
                .params(personId, s[0], s[0]).query((rs, i) -> ChanceModels.inputs(rs, 1)).single();
        List<Scorer.Contribution> contributions = models.scorer(v.id()).explain(Features.of(inputs));
        return new Explanation(personId, (LocalDate) s[0], v.label(), (BigDecimal) s[2], (String) s[3], v.trainer(), contributions, null);
    }
}
