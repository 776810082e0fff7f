package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.guidance.Assessments;
import be.werkregie.guidance.ResultFeeStatus;
import be.werkregie.guidance.Trajectories;
import be.werkregie.vouchers.CareerCentres;
import be.werkregie.vouchers.Misuse;
import be.werkregie.vouchers.Quality;
import be.werkregie.vouchers.Voucher;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database and the model agree on the states: each aggregate's status column has a check constraint that allows
 * exactly the constants of its life-cycle enum. A state added in Java without a migration (or the other way) fails here.
 */
@IntegrationTest
class LifecycleSchemaTest {

    @Autowired
    JdbcClient jdbc;

    static final Map<String, Class<? extends Enum<?>>> AGGREGATES = Map.of(
            "vc_voucher", Voucher.Status.class,
            "vc_complaint", Quality.Complaint.Status.class,
            "vc_mandate", CareerCentres.Mandate.Status.class,
            "vc_misuse_case", Misuse.Case.Status.class,
            "vc_sanction", Misuse.Sanction.Status.class,
            "gd_trajectory", Trajectories.Trajectory.Status.class,
            "gd_referral", Assessments.Referral.Status.class,
            "gd_result_fee", ResultFeeStatus.class,
            "cp_agreement", be.werkregie.campus.Agreement.Status.class,
            "cp_booking", be.werkregie.campus.Booking.Status.class);

    @Test
    void eachStatusColumnAllowsExactlyTheStatesOfItsLifecycle() {
        Pattern literal = Pattern.compile("'([A-Z_]+)'");
        AGGREGATES.forEach((table, type) -> {
            String check = jdbc.sql("""
                    select string_agg(pg_get_constraintdef(c.oid), ' ') from pg_constraint c join pg_class t on t.oid = c.conrelid
                    where t.relname = ? and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%status%'""")
                    .param(table).query(String.class).single();
            assertThat(check).as("a check constraint on %s.status", table).isNotNull();
            Set<String> allowed = new TreeSet<>();
            Matcher m = literal.matcher(check);
            while (m.find()) {
                allowed.add(m.group(1));
            }
            Set<String> states = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(allowed).as("%s.status against %s", table, type.getName()).isEqualTo(states);
        });
    }
}
