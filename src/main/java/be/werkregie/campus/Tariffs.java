package be.werkregie.campus;

import be.werkregie.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.YearMonth;

/**
 * The pricing rules of the financial framework, as pure functions (unit-tested; the booking and invoice code call
 * exactly these). Rates come from dated policy values or the agreement; every amount is rounded to the cent, half up,
 * per line.
 */
public final class Tariffs {

    private Tariffs() {}

    /** The parts a day part stands for: a day part is the day-part share of the day rate, the whole day the day rate. */
    public static BigDecimal dayFraction(DayPart part, BigDecimal dayPartShare) {
        return part == DayPart.DAY ? BigDecimal.ONE : dayPartShare;
    }

    /** Use agreement: fee = the day rate of the room for the user profile × days of use (a day part = the share of a day). */
    public static Money useFee(BigDecimal dayRate, DayPart part, BigDecimal dayPartShare) {
        return new Money(dayRate.multiply(dayFraction(part, dayPartShare)));
    }

    /** Partnership, dedicated space: 100 % of its area at the monthly m² rate. */
    public static Money dedicatedMonth(BigDecimal areaM2, BigDecimal m2MonthRate) {
        return new Money(areaM2.multiply(m2MonthRate));
    }

    /**
     * Partnership, shared space: pro rata of the time used, by the distribution key. One booking of {@code units} day parts
     * (a day = 2) in a month of {@code workingDays} working days (2 parts each) costs
     * area × monthly m² rate × key × units / (2 × working days).
     */
    public static Money sharedUse(BigDecimal areaM2, BigDecimal m2MonthRate, BigDecimal key, int units, int workingDays) {
        if (units <= 0 || workingDays <= 0) {
            return Money.ZERO;
        }
        BigDecimal monthly = areaM2.multiply(m2MonthRate).multiply(key);
        return new Money(monthly.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(2L * workingDays), 6, RoundingMode.HALF_UP));
    }

    /** Lease: the fixed monthly rent less the pro-rata reduction for shared use. */
    public static Money leaseRent(BigDecimal monthlyRent, BigDecimal sharedReduction) {
        BigDecimal reduction = sharedReduction == null ? BigDecimal.ZERO : sharedReduction;
        return new Money(monthlyRent.multiply(BigDecimal.ONE.subtract(reduction)));
    }

    /** VAT on a net amount at a rate in per cent. */
    public static Money vat(Money net, BigDecimal ratePercent) {
        return new Money(net.amount().multiply(ratePercent).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
    }

    /** Monday to Friday of the month (public holidays are not taken off: the framework speaks of working days only). */
    public static int workingDays(YearMonth month) {
        int n = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            DayOfWeek w = month.atDay(d).getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
