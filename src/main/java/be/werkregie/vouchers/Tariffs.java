package be.werkregie.vouchers;

import be.werkregie.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Exact amounts for performed guidance: half hours × the hourly price excl. VAT in force on the session date,
 * plus 21% VAT when the centre is VAT-liable. Rounded to the cent once, per voucher line, half-up.
 */
public final class Tariffs {

    public record Amount(Money exclVat, Money vat, Money inclVat) {}

    private Tariffs() {}

    /** One performed session: its date decides the tariff. */
    public record Session(LocalDate date, int halfHours) {}

    public static Amount forHalfHours(int halfHours, LocalDate performedOn, boolean vatLiable, VoucherSettings s) {
        return forSessions(java.util.List.of(new Session(performedOn, halfHours)), vatLiable, s);
    }

    /**
     * The amount of one payment line (the sessions of one voucher in one run): the sum of hourly price on each
     * session's date × its half hours, halved and rounded to the cent once; VAT on that, rounded once. This is the
     * rule the payment run applies.
     */
    public static Amount forSessions(java.util.List<Session> sessions, boolean vatLiable, VoucherSettings s) {
        return forSessions(sessions, vatLiable, d -> s.tariffOn(d).hourlyExclVat(), d -> s.vatRate());
    }

    /**
     * The same rule with the hourly price and VAT rate taken from wherever they are kept (the payment run reads the dated
     * policy store). VAT is the rate in force on the line's last session date.
     */
    public static Amount forSessions(java.util.List<Session> sessions, boolean vatLiable,
                                     java.util.function.Function<LocalDate, BigDecimal> hourlyExclVatOn,
                                     java.util.function.Function<LocalDate, BigDecimal> vatRateOn) {
        BigDecimal doubled = BigDecimal.ZERO;
        LocalDate last = null;
        for (Session x : sessions) {
            doubled = doubled.add(hourlyExclVatOn.apply(x.date()).multiply(BigDecimal.valueOf(x.halfHours())));
            last = last == null || x.date().isAfter(last) ? x.date() : last;
        }
        BigDecimal excl = doubled.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        BigDecimal vat = vatLiable && last != null ? excl.multiply(vatRateOn.apply(last)).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        return new Amount(new Money(excl), new Money(vat), new Money(excl.add(vat)));
    }

    /** The hourly price incl. VAT as published (€169.70 since 2020, €166.37 before): rounded down to the cent. */
    public static Money hourlyInclVat(LocalDate on, VoucherSettings s) {
        BigDecimal hourly = s.tariffOn(on).hourlyExclVat();
        return new Money(hourly.multiply(BigDecimal.ONE.add(s.vatRate())).setScale(2, RoundingMode.DOWN));
    }
}
