package be.werkregie.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A form reports every malformed field at once, field by field; blank fields are simply empty. */
class FormReaderTest {

    record SomeForm(String date, String time, String amount, String id, String blank) implements FormObject {}

    @Test
    void everyMalformedFieldIsReportedTogether() {
        FormReader r = new FormReader();
        assertThat(r.date("date", "2027-02-30")).isNull();
        assertThat(r.time("time", "25:61")).isNull();
        assertThat(r.decimal("amount", "12,50", "validation.number")).isEqualByComparingTo("12.50");
        assertThat(r.uuid("id", "not-a-uuid", "validation.choice")).isNull();
        assertThat(r.date("blank", "  ")).isNull();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, r::done);
        assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("date", "time", "id");
        new FormReader().done(); // nothing malformed: nothing refused
    }

    @Test
    void aFormGivesBackWhatWasTyped() {
        assertThat(new SomeForm("2027-02-30", null, "12,50", "x", null).values())
                .containsExactly(java.util.Map.entry("date", "2027-02-30"), java.util.Map.entry("amount", "12,50"), java.util.Map.entry("id", "x"));
        assertThat(List.of(FormReader.ticked("on"), FormReader.ticked(null))).containsExactly(true, false);
    }
}
