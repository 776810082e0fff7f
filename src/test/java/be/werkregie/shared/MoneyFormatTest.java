package be.werkregie.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Money on pages is written as readers of each language write it; files keep plain decimals. */
class MoneyFormatTest {

    @Test
    void amountsFollowTheReadersLanguage() {
        BigDecimal a = new BigDecimal("2406396.53");
        assertThat(Money.format(a, Locale.forLanguageTag("nl"))).isEqualTo("€\u00A02.406.396,53");
        assertThat(Money.format(a, Locale.forLanguageTag("fr"))).isEqualTo("2\u00A0406\u00A0396,53\u00A0€");
        assertThat(Money.format(a, Locale.forLanguageTag("en"))).isEqualTo("€2,406,396.53");
        assertThat(Money.format(new BigDecimal("40"), Locale.forLanguageTag("nl"))).isEqualTo("€\u00A040,00");
        assertThat(Money.euros("40").amount().toPlainString()).as("files and the API").isEqualTo("40.00");
    }
}
