package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The common statement document: CSV layout, deductions and the payable amount, the same for every payment scheme. */
class StatementsTest {

    @Test
    void aStatementListsItsLinesThenItsDeductionsAndPaysTheDifference() {
        var s = new Statements.Statement("Betalingsoverzicht", "Centrum", "tot 28/02/2027", LocalDate.of(2027, 3, 1),
                List.of(new Statements.Column("voucher", "Cheque", Statements.Column.Kind.TEXT), new Statements.Column("half_hours", "Halve uren", Statements.Column.Kind.COUNT),
                        new Statements.Column("amount_incl_vat", "Incl. btw", Statements.Column.Kind.MONEY)),
                List.of(new Statements.Row(List.of("LC-1", 8, Money.euros("344.00"))),
                        new Statements.Row(List.of("LC;2", 3, Money.euros("129.00")))),
                "amount_incl_vat", Money.euros("473.00"), List.of(new Statements.Deduction("LC-1", "klacht", Money.euros("43.00"))));
        assertThat(Statements.csv(s, "amount_incl_vat")).isEqualTo("""
                voucher;half_hours;amount_incl_vat
                LC-1;8;344.00
                LC,2;3;129.00
                RECOVERY LC-1;0;-43.00
                """);
        assertThat(s.deducted()).isEqualTo(Money.euros("43.00"));
        assertThat(s.payable()).isEqualTo(Money.euros("430.00"));
    }
}
