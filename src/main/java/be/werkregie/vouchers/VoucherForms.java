package be.werkregie.vouchers;

import be.werkregie.shared.FormObject;
import be.werkregie.shared.FormReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms of the career-voucher pages, bound from the request as records of text fields ({@link FormObject}) and read
 * into the services' typed inputs with every malformed field reported at once.
 */
final class VoucherForms {

    private VoucherForms() {}

    /** The citizen's declaration, to check eligibility or to request a voucher. */
    record DeclarationForm(String situation, String experienceSince, String ownInitiative, String inOutplacement, String employerName,
                           String sector, String requestKey) implements FormObject {
        Vouchers.Declaration read() {
            FormReader r = new FormReader();
            var d = new Vouchers.Declaration(r.choice("situation", situation, Eligibility.WorkSituation.class),
                    r.date("experienceSince", experienceSince), FormReader.yesNo(ownInitiative), FormReader.yesNo(inOutplacement),
                    employerName, sector);
            r.done();
            return d;
        }
    }

    record SurveyForm(String s1, String s2, String s3, String s4, String s5, String s6, String s7, String s8, String s9, String s10, String s11,
                      String questionAnswered, String whatWasGood, String whatBetter, String suggestions) implements FormObject {
        Quality.SurveyInput read() {
            List<Integer> scores = new ArrayList<>();
            for (String s : List.of(nz(s1), nz(s2), nz(s3), nz(s4), nz(s5), nz(s6), nz(s7), nz(s8), nz(s9), nz(s10), nz(s11))
                    .subList(0, Quality.STATEMENTS)) {
                try {
                    scores.add(s.isBlank() ? null : Integer.valueOf(s.trim()));
                } catch (NumberFormatException e) {
                    scores.add(-1); // out of range: the survey rule names the field
                }
            }
            return new Quality.SurveyInput(scores, FormReader.yesNo(questionAnswered), whatWasGood, whatBetter, suggestions);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    record ComplaintForm(String category, String concernsDate, String description, String requestKey) implements FormObject {}

    record TakeOverForm(String code, String nationalNumber) implements FormObject {}

    /** One session: date, start time, duration in half hours, mode, coach, and the key that makes a retry harmless. */
    record SessionForm(String date, String startTime, String duration, String mode, String coachId, String idempotencyKey)
            implements FormObject {
        Vouchers.SessionInput read() {
            FormReader r = new FormReader();
            var in = new Vouchers.SessionInput(r.date("date", date), r.time("startTime", startTime),
                    r.integer("halfHours", duration, "voucher.halfHoursPositive"), mode, r.uuid("coachId", coachId, "voucher.unknownCoach"));
            r.done();
            return in;
        }
    }

    record GuidanceForm(List<String> themes, String careerQuestion, String agreementPresent, String attendancePresent,
                        String popPresent, String synthesisOn, String aftercareOn, String popText) implements FormObject {
        Vouchers.GuidanceInput read() {
            FormReader r = new FormReader();
            var in = new Vouchers.GuidanceInput(themes, careerQuestion, FormReader.ticked(agreementPresent),
                    FormReader.ticked(attendancePresent), FormReader.ticked(popPresent), r.date("synthesisOn", synthesisOn),
                    r.date("aftercareOn", aftercareOn), popText);
            r.done();
            return in;
        }
    }

    record PaymentRunForm(String performedUntil, String runKey) implements FormObject {}

    record MandateDecisionForm(String decision, String reason) implements FormObject {}

    record ComplaintDecisionForm(String outcome, String remedy, String note) implements FormObject {}

    record ProfileForm(String profile, String website, List<String> languages, String eCoaching, List<String> targetGroups,
                       List<String> methodologies, String vatLiable) implements FormObject {
        CareerCentres.ProfileInput read() {
            return new CareerCentres.ProfileInput(profile, website, languages, FormReader.ticked(eCoaching), targetGroups, methodologies,
                    FormReader.ticked(vatLiable));
        }
    }

    record SiteForm(String name, String street, String municipality, String headOffice, String wheelchairAccess) implements FormObject {}

    /** Phone, e-mail and, per ISO weekday 1..7, the opening and closing time (both empty: closed). */
    record SiteContactForm(String phone, String email, String from1, String until1, String from2, String until2, String from3,
                           String until3, String from4, String until4, String from5, String until5, String from6,
                           String until6, String from7, String until7) implements FormObject {

        OpeningHours hours(be.werkregie.shared.Validator v) {
            String[] from = {from1, from2, from3, from4, from5, from6, from7};
            String[] until = {until1, until2, until3, until4, until5, until6, until7};
            return OpeningHours.fromForm(d -> from[d - 1], d -> until[d - 1], v);
        }
    }

    record CoachForm(String name, String profile, String kind, List<String> languages, String eCoaching) implements FormObject {}

    record MandateApplicationForm(String enterpriseNumber, String qualityCertificate, String experienceYears, String vision,
                                  String coachFollowUp, String stimulusOptIn) implements FormObject {
        CareerCentres.MandateApplication read() {
            FormReader r = new FormReader();
            var a = new CareerCentres.MandateApplication(enterpriseNumber, qualityCertificate,
                    r.decimal("experienceYears", experienceYears, "validation.number"), vision, coachFollowUp, FormReader.ticked(stimulusOptIn));
            r.done();
            return a;
        }
    }

    record DossierControlForm(String centreId) implements FormObject {}

    record ConclusionForm(String founded, String note) implements FormObject {}

    record SanctionForm(String kind, String amount, String motivation, String requestKey) implements FormObject {
        Misuse.SanctionInput read() {
            FormReader r = new FormReader();
            var in = new Misuse.SanctionInput(kind, r.decimal("amount", amount, "sanction.amount"), motivation, requestKey);
            r.done();
            return in;
        }
    }

    record SanctionDecisionForm(String makeFinal, String note) implements FormObject {}

    record DefenceForm(String defence) implements FormObject {}
}
