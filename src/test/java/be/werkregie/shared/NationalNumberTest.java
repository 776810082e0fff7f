package be.werkregie.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalNumberTest {

    @Test
    void acceptsAValidNumberOfSomeoneBornBefore2000() {
        // 85.07.30-033 : 97 - (850730033 mod 97) = 28
        assertThat(NationalNumber.problem("85.07.30-033.28")).isEmpty();
        NationalNumber n = NationalNumber.of("85073003328");
        assertThat(n.birthDate()).isEqualTo(LocalDate.of(1985, 7, 30));
        assertThat(n.sex()).isEqualTo('M');
        assertThat(n.formatted()).isEqualTo("85.07.30-033.28");
    }

    @Test
    void appliesThePost2000RuleWithALeadingTwo() {
        // born 2017-03-01, sequence 002: check over 2170301002
        long check = 97 - (2_170_301_002L % 97);
        String nn = "170301002" + String.format("%02d", check);
        assertThat(NationalNumber.problem(nn)).isEmpty();
        assertThat(NationalNumber.of(nn).birthDate()).isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(NationalNumber.of(nn).sex()).isEqualTo('F');
        // the same digits with the pre-2000 check digits do not belong to someone born in 2017
        long oldCheck = 97 - (170_301_002L % 97);
        assertThat(NationalNumber.of("170301002" + String.format("%02d", oldCheck)).birthDate().getYear()).isEqualTo(1917);
    }

    @Test
    void refusesAWrongCheckNumber() {
        assertThat(NationalNumber.problem("85.07.30-033.29")).contains("validation.nationalNumber.checksum");
    }

    @Test
    void refusesMalformedInput() {
        assertThat(NationalNumber.problem("")).contains("validation.nationalNumber.empty");
        assertThat(NationalNumber.problem("1234")).contains("validation.nationalNumber.format");
        assertThat(NationalNumber.problem("85073003328999")).contains("validation.nationalNumber.format");
        assertThat(NationalNumber.problem("8507300332a")).contains("validation.nationalNumber.format");
        assertThat(NationalNumber.problem("<script>alert</script>")).contains("validation.nationalNumber.format");
        assertThatThrownBy(() -> NationalNumber.of("85.07.30-033.29")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnImpossibleBirthDate() {
        // month 13 with a matching check number
        String base = "851330033";
        String nn = base + String.format("%02d", 97 - (Long.parseLong(base) % 97));
        assertThat(NationalNumber.problem(nn)).contains("validation.nationalNumber.date");
    }

    @Test
    void acceptsBisNumbersWithShiftedMonth() {
        String base = "852730033"; // month 07 + 20
        String nn = base + String.format("%02d", 97 - (Long.parseLong(base) % 97));
        assertThat(NationalNumber.of(nn).birthDate()).isEqualTo(LocalDate.of(1985, 7, 30));
    }

    @Test
    void generatedNumbersAreValidOnBothSidesOf2000() {
        assertThat(NationalNumber.generate(LocalDate.of(1999, 12, 31), 1).birthDate()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(NationalNumber.generate(LocalDate.of(2000, 1, 1), 2).birthDate()).isEqualTo(LocalDate.of(2000, 1, 1));
    }
}
