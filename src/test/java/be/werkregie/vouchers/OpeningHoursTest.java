package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Validator;
import java.time.DayOfWeek;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    @Test
    void formToStoredAndBackInTheReadersLanguage() {
        String[] from = {"9:00", "", "13:00", "", "", "", ""};
        String[] until = {"17:00", "", "20:00", "", "", "", ""};
        Validator v = new Validator();
        OpeningHours h = OpeningHours.fromForm(d -> from[d - 1], d -> until[d - 1], v);
        v.throwIfInvalid();
        assertThat(h.stored()).isEqualTo("1 09:00-17:00;3 13:00-20:00");
        OpeningHours back = OpeningHours.parse(h.stored());
        assertThat(back).isEqualTo(h);
        assertThat(back.on(3).period()).isEqualTo("13:00–20:00");
        assertThat(back.on(2)).isNull();
        assertThat(back.days().get(0).dayName(Locale.forLanguageTag("nl"))).isEqualTo("maandag");
        assertThat(back.days().get(0).dayName(Locale.FRENCH)).isEqualTo("lundi");
        assertThat(back.days().get(1).day()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(OpeningHours.parse("garbage;2 10:00-12:00").stored()).isEqualTo("2 10:00-12:00");
    }

    @Test
    void badTimesAreReportedOnTheDaysFields() {
        String[] from = {"25:00", "17:00", "", "", "", "", "10:00"};
        String[] until = {"17:00", "09:00", "", "", "", "", ""};
        Validator v = new Validator();
        OpeningHours.fromForm(d -> from[d - 1], d -> until[d - 1], v);
        try {
            v.throwIfInvalid();
            throw new AssertionError("expected errors");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                    .containsExactlyInAnyOrder("from1", "until2", "until7");
        }
    }
}
