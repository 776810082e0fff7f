package be.werkregie.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount in euro, always with two decimals (half-up rounding, as in Belgian invoicing). */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = euros("0");

    public Money {
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money euros(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public String toString() {
        return "€" + amount.toPlainString();
    }
}
