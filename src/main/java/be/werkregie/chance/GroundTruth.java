package be.werkregie.chance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The documented ground truth of the demo: job-seeker spells with their inputs, the protected attributes (for the audit
 * only) and the true chance of working at least 28 days within six months. Because the truth is known, the best
 * achievable (Bayes-optimal) AUC of any model is known too, and the trained model is measured against it. The full
 * description with every coefficient is in {@code docs/chance.md}; the code below is that description.
 *
 * <p>The true chance depends only on what a model may see (the inputs and the economy at the start of the spell); the
 * groups differ because their inputs are distributed differently (origin and Dutch, age and unemployment, disability and
 * spells), as they do in real data. A model that is well calibrated overall can therefore still have different error
 * rates per group — the audit shows it.
 */
public final class GroundTruth {

    public static final List<String> EDUCATION = List.of("LOW", "MID", "HIGH");
    public static final List<String> ORIGIN = List.of("BELGIAN", "EU", "NON_EU");
    public static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-49", "50+");
    public static final List<String> PROVINCES = List.of("ANTWERPEN", "LIMBURG", "OOST-VLAANDEREN", "VLAAMS-BRABANT", "WEST-VLAANDEREN",
            "BRUSSEL");
    /** The province's distance to the Flemish unemployment rate, in percentage points. */
    static final double[] PROVINCE_OFFSET = {0.6, 0.9, -0.6, -1.1, -1.6, 7.5};
    static final double[] PROVINCE_SHARE = {0.29, 0.14, 0.22, 0.14, 0.16, 0.05};

    /** A spell's inputs as the records show them; null is missing. */
    public record Inputs(int unemployedMonths, Double experienceYears, String education, Integer dutchLevel, int otherLanguages,
                         int desiredOccupations, boolean bottleneckOccupation, double regionUnemploymentRate, int onlineActivity,
                         int previousSpells, boolean driverLicence, String province) {

        /** An incomplete dossier (neither education nor Dutch level known) gets no score. */
        public boolean complete() {
            return education != null || dutchLevel != null;
        }
    }

    /** Kept for the audit only; never a model input. */
    public record Protected(String sex, String origin, String ageBand, boolean disability) {}

    public record Spell(long index, LocalDate startedOn, Inputs inputs, Protected attributes, double trueChance, boolean worked) {}

    private GroundTruth() {}

    /** The unemployment rate of Flanders in a month: a seven-year cycle and the 2020 shock. */
    public static double cycle(YearMonth month) {
        double m = month.getYear() * 12 + month.getMonthValue() - 1;
        double base = 6.2 + 1.4 * Math.sin(2 * Math.PI * (m - 2015 * 12) / 84.0);
        long sinceShock = ChronoUnit.MONTHS.between(YearMonth.of(2020, 4), month);
        if (sinceShock >= 0 && sinceShock < 24) {
            base += 2.2 * (1 - sinceShock / 24.0);
        }
        return base;
    }

    /** The log-odds of the truth: every coefficient as documented. */
    public static double logit(Inputs x) {
        double z = -1.25;
        z += x.education() == null ? 0.25 : switch (x.education()) {
            case "HIGH" -> 0.95;
            case "MID" -> 0.45;
            default -> 0.0;
        };
        z += -0.085 * x.unemployedMonths();
        z += x.experienceYears() == null ? 0.2 : 0.38 * Math.log1p(x.experienceYears());
        z += x.dutchLevel() == null ? 0.6 : 0.42 * x.dutchLevel();
        z += 0.14 * x.otherLanguages();
        z += x.bottleneckOccupation() ? 0.35 : 0;
        z += x.desiredOccupations() == 0 ? -0.4 : 0;
        z += 0.015 * Math.min(x.onlineActivity(), 40);
        z += -0.18 * x.previousSpells();
        z += x.driverLicence() ? 0.3 : 0;
        z += -0.22 * (x.regionUnemploymentRate() - 6.0);
        // an interaction a linear model cannot see: Dutch helps the highly educated more
        if ("HIGH".equals(x.education()) && x.dutchLevel() != null && x.dutchLevel() >= 2) {
            z += 0.3;
        }
        return z;
    }

    public static double chance(Inputs x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    /** Spells starting evenly between the two dates, drawn with the seed. */
    public static List<Spell> generate(long seed, int count, LocalDate from, LocalDate to) {
        List<Spell> out = new ArrayList<>(count);
        Random r = new Random(seed);
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        for (int i = 0; i < count; i++) {
            LocalDate start = from.plusDays((long) (r.nextDouble() * days));
            out.add(spell(i, start, r));
        }
        return out;
    }

    static Spell spell(long index, LocalDate start, Random r) {
        String sex = r.nextDouble() < 0.48 ? "F" : "M";
        double o = r.nextDouble();
        String origin = o < 0.68 ? "BELGIAN" : o < 0.80 ? "EU" : "NON_EU";
        double a = r.nextDouble();
        String ageBand = a < 0.18 ? "18-24" : a < 0.45 ? "25-34" : a < 0.75 ? "35-49" : "50+";
        boolean disability = r.nextDouble() < 0.12;
        int province = pick(r, PROVINCE_SHARE);
        if (origin.equals("NON_EU") && r.nextDouble() < 0.15) {
            province = 5; // more often in Brussels
        }
        double rate = Math.max(1.5, cycle(YearMonth.from(start)) + PROVINCE_OFFSET[province] + r.nextGaussian() * 0.3);
        int ageIndex = AGE_BANDS.indexOf(ageBand);
        int unemployed = clamp((int) Math.round(Math.abs(r.nextGaussian()) * (4 + 3 * ageIndex) + (disability ? 4 : 0)
                + (origin.equals("NON_EU") ? 2 : 0)), 0, 24);
        double experience = Math.max(0, (ageIndex * 8 + 1) * r.nextDouble() + (sex.equals("F") ? -1 : 0));
        double e = r.nextDouble() + (origin.equals("NON_EU") ? -0.15 : 0) + (ageIndex == 3 ? -0.1 : 0);
        String education = e < 0.3 ? "LOW" : e < 0.68 ? "MID" : "HIGH";
        int dutch = origin.equals("BELGIAN") ? (r.nextDouble() < 0.9 ? 3 : 2)
                : origin.equals("EU") ? r.nextInt(4) : Math.min(3, (int) Math.floor(r.nextDouble() * 3.3));
        int languages = Math.min(3, (int) Math.floor(Math.abs(r.nextGaussian()) * (origin.equals("BELGIAN") ? 1.0 : 1.4)));
        int occupations = r.nextDouble() < 0.07 ? 0 : 1 + r.nextInt(4);
        boolean bottleneck = occupations > 0 && r.nextDouble() < 0.3 + (education.equals("HIGH") ? 0.1 : 0);
        int online = (int) Math.max(0, Math.round(r.nextGaussian() * 12 + 18 - ageIndex * 4));
        int previous = Math.min(6, (int) Math.floor(Math.abs(r.nextGaussian()) * (1 + ageIndex * 0.6) + (sex.equals("F") ? 0.3 : 0)));
        boolean licence = r.nextDouble() < 0.8 - (origin.equals("NON_EU") ? 0.25 : 0) - (ageIndex == 0 ? 0.2 : 0);
        // missing data, as in real dossiers
        Double experienceOut = r.nextDouble() < 0.05 ? null : Math.round(experience * 10) / 10.0;
        String educationOut = r.nextDouble() < 0.04 ? null : education;
        Integer dutchOut = r.nextDouble() < 0.07 ? null : dutch;
        if (r.nextDouble() < 0.02) { // an incomplete dossier
            educationOut = null;
            dutchOut = null;
        }
        Inputs x = new Inputs(unemployed, experienceOut, educationOut, dutchOut, languages, occupations, bottleneck,
                Math.round(rate * 10) / 10.0, online, previous, licence, PROVINCES.get(province));
        double p = chance(x);
        boolean worked = r.nextDouble() < p;
        return new Spell(index, start, x, new Protected(sex, origin, ageBand, disability), p, worked);
    }

    private static int pick(Random r, double[] shares) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (u < acc) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
