package be.werkregie.campus;

import be.werkregie.shared.FormObject;
import be.werkregie.shared.FormReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The campus forms, bound as text ({@link FormObject}) and read with every malformed field reported at once. */
final class CampusForms {

    private CampusForms() {}

    /**
     * A booking: one slot, or with {@code repeat} a weekly series until {@code repeatUntil}. {@code agreementId} empty means
     * the employment service's own planning. {@code skipConflicts} is set by the check page of a series.
     */
    record BookingForm(String spaceId, String onDate, String part, String agreementId, String purpose, String attendees, String repeat,
                       String repeatUntil, String skipConflicts, String key) implements FormObject {

        Bookings.BookingRequest read() {
            FormReader r = new FormReader();
            var b = new Bookings.BookingRequest(r.uuid("spaceId", spaceId, "campus.booking.unknownSpace"), r.date("onDate", onDate),
                    r.choice("part", part, DayPart.class), agreementId == null || agreementId.isBlank() ? null
                    : r.uuid("agreementId", agreementId, "validation.choice"), FormReader.text(purpose),
                    attendees == null || attendees.isBlank() ? 1 : r.integer("attendees", attendees, "validation.positive"), key);
            r.done();
            return b;
        }

        boolean series() {
            return FormReader.ticked(repeat);
        }

        Bookings.SeriesRequest readSeries() {
            Bookings.BookingRequest one = read();
            FormReader r = new FormReader();
            LocalDate until = r.date("repeatUntil", repeatUntil);
            r.done();
            DayOfWeek day = one.onDate() == null ? null : one.onDate().getDayOfWeek();
            return new Bookings.SeriesRequest(one.spaceId(), day, one.part(), one.onDate(), until, one.agreementId(), one.purpose(),
                    one.attendees());
        }
    }

    record CancelForm(String reason) implements FormObject {}

    record MoveForm(String onDate, String part) implements FormObject {
        LocalDate date() {
            FormReader r = new FormReader();
            LocalDate d = r.date("onDate", onDate);
            r.choice("part", part, DayPart.class);
            r.done();
            return d;
        }
    }

    record AgreementForm(String model, String holderName, String holderEmail, String holderVat, String userType, String validFrom,
                         String validUntil, String monthlyRent, String monthlyCosts, String costsFlat, String sharedReduction, String sharedKey,
                         String dayRate, List<String> spaces, String term) implements FormObject {

        Campuses.AgreementInput read(UUID campusId) {
            FormReader r = new FormReader();
            List<UUID> dedicated = new ArrayList<>();
            if (spaces != null) {
                for (String s : spaces) {
                    UUID id = r.uuid("spaces", s, "validation.choice");
                    if (id != null) {
                        dedicated.add(id);
                    }
                }
            }
            var in = new Campuses.AgreementInput(campusId, r.choice("model", model, Agreement.Model.class), null, FormReader.text(holderName),
                    FormReader.text(holderEmail), FormReader.text(holderVat), blank(userType) ? null : r.integer("userType", userType, "validation.choice"),
                    r.date("validFrom", validFrom), r.date("validUntil", validUntil), money(r, "monthlyRent", monthlyRent),
                    money(r, "monthlyCosts", monthlyCosts), !"false".equals(costsFlat), share(r, "sharedReduction", sharedReduction),
                    share(r, "sharedKey", sharedKey), money(r, "dayRate", dayRate), dedicated, FormReader.text(term));
            r.done();
            return in;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static BigDecimal money(FormReader r, String field, String s) {
            return blank(s) ? null : r.decimal(field, s, "validation.amount");
        }

        /** A share typed as a percentage (20) or a fraction (0.2). */
        private static BigDecimal share(FormReader r, String field, String s) {
            if (blank(s)) {
                return null;
            }
            BigDecimal d = r.decimal(field, s.replace("%", "").trim(), "validation.number");
            return d != null && d.compareTo(BigDecimal.ONE) > 0 ? d.movePointLeft(2) : d;
        }
    }

    record DecisionForm(String note) implements FormObject {}

    record EventForm(String kind, String titleNl, String titleFr, String titleEn, String summaryNl, String summaryFr, String summaryEn, String on,
                     String from, String until, String capacity, String spaceId) implements FormObject {
        CampusEvents.EventInput read() {
            FormReader r = new FormReader();
            var in = new CampusEvents.EventInput(r.choice("kind", kind, CampusEvents.Kind.class), FormReader.text(titleNl), FormReader.text(titleFr),
                    FormReader.text(titleEn), FormReader.text(summaryNl), FormReader.text(summaryFr), FormReader.text(summaryEn), r.date("on", on),
                    r.time("from", from), r.time("until", until), r.integer("capacity", capacity, "validation.positive"),
                    spaceId == null || spaceId.isBlank() ? null : r.uuid("spaceId", spaceId, "validation.choice"));
            r.done();
            return in;
        }
    }

    record ChildcareForm(String childName, String birthDate, String parentName, String parentEmail, String category, String fromDate)
            implements FormObject {
        CampusChildcare.RequestInput read() {
            FormReader r = new FormReader();
            var in = new CampusChildcare.RequestInput(FormReader.text(childName), r.date("birthDate", birthDate), FormReader.text(parentName),
                    FormReader.text(parentEmail), r.choice("category", category, CampusChildcare.Category.class), r.date("fromDate", fromDate));
            r.done();
            return in;
        }
    }
}
