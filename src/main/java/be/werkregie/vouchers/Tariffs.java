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
        BigDecimal doubled = BigDecimal.ZERO;
        for (Session x : sessions) {
            doubled = doubled.add(s.tariffOn(x.date()).hourlyExclVat().multiply(BigDecimal.valueOf(x.halfHours())));
        }
        BigDecimal excl = doubled.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        BigDecimal vat = vatLiable ? excl.multiply(s.vatRate()).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        return new Amount(new Money(excl), new Money(vat), new Money(excl.add(vat)));
    }

    /** The hourly price incl. VAT as published (€169.70 since 2020, €166.37 before): rounded down to the cent. */
    public static Money hourlyInclVat(LocalDate on, VoucherSettings s) {
        BigDecimal hourly = s.tariffOn(on).hourlyExclVat();
        return new Money(hourly.multiply(BigDecimal.ONE.add(s.vatRate())).setScale(2, RoundingMode.DOWN));
    }
}
