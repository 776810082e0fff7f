package be.werkregie.vouchers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A career voucher with its guidance registration. {@code usedHalfHours} counts the registered sessions. */
public record Voucher(UUID id, String code, UUID personId, LocalDate packageStart, int numberInPackage, LocalDate requestedOn,
                      LocalDate validUntil, int hours, LocalDate rulesVersion, BigDecimal contribution, boolean contributionPaid,
                      Status status, UUID centreId, String centreName, LocalDate takenOverOn, List<String> themes,
                      String careerQuestion, boolean agreementPresent, boolean attendancePresent, boolean popPresent,
                      LocalDate synthesisOn, LocalDate aftercareOn, int usedHalfHours, String popText) {

    public enum Status { AWAITING_PAYMENT, ISSUED, IN_GUIDANCE, CLOSED, LAPSED, CANCELLED }

    public int halfHoursLeft() {
        return Math.max(0, hours * 2 - usedHalfHours);
    }

    /** "3 u 30 min" style label used on pages. */
    public String usedLabel() {
        return hoursLabel(usedHalfHours);
    }

    public String leftLabel() {
        return hoursLabel(halfHoursLeft());
    }

    static String hoursLabel(int halfHours) {
        int h = halfHours / 2;
        return h + " u" + (halfHours % 2 == 1 ? " 30 min" : "");
    }
}
