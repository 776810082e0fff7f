package be.werkregie.chance;

import be.werkregie.chance.GroundTruth.Inputs;
import java.util.List;

/**
 * The model's inputs as numbers: the one encoding used by training, scoring and the explanations, so the rule that runs
 * is the rule that is tested. Protected attributes (sex, origin, age band, disability) are not here and cannot be.
 */
public final class Features {

    public static final List<String> NAMES = List.of("unemployedMonths", "experienceLog", "experienceMissing", "educationMid",
            "educationHigh", "educationMissing", "dutchLevel", "dutchMissing", "otherLanguages", "desiredOccupations",
            "noDesiredOccupation", "bottleneckOccupation", "onlineActivityLog", "previousSpells", "driverLicence",
            "regionUnemploymentRate", "provinceAntwerpen", "provinceLimburg", "provinceOostVlaanderen", "provinceVlaamsBrabant",
            "provinceBrussel");

    /** Plain-language names of the inputs, for the explanation page and the model card. */
    public static final List<String> DESCRIPTIONS = List.of("months unemployed in the last two years", "work experience (log of years)",
            "work experience unknown", "education: intermediate", "education: higher", "education unknown", "Dutch level (0–3)",
            "Dutch level unknown", "other languages", "desired occupations", "no desired occupation", "wants a bottleneck occupation",
            "online dossier activity (log of logins in 90 days)", "earlier unemployment spells", "driving licence",
            "unemployment rate of the region at the start", "province Antwerpen", "province Limburg", "province Oost-Vlaanderen",
            "province Vlaams-Brabant", "Brussels");

    private Features() {}

    /** Why a spell cannot be scored, or null when it can. */
    public static String unscorable(Inputs x) {
        return x.complete() ? null : "INCOMPLETE_DOSSIER";
    }

    public static double[] of(Inputs x) {
        double[] v = new double[NAMES.size()];
        v[0] = x.unemployedMonths();
        v[1] = x.experienceYears() == null ? 0 : Math.log1p(x.experienceYears());
        v[2] = x.experienceYears() == null ? 1 : 0;
        v[3] = "MID".equals(x.education()) ? 1 : 0;
        v[4] = "HIGH".equals(x.education()) ? 1 : 0;
        v[5] = x.education() == null ? 1 : 0;
        v[6] = x.dutchLevel() == null ? 0 : x.dutchLevel();
        v[7] = x.dutchLevel() == null ? 1 : 0;
        v[8] = x.otherLanguages();
        v[9] = x.desiredOccupations();
        v[10] = x.desiredOccupations() == 0 ? 1 : 0;
        v[11] = x.bottleneckOccupation() ? 1 : 0;
        v[12] = Math.log1p(x.onlineActivity());
        v[13] = x.previousSpells();
        v[14] = x.driverLicence() ? 1 : 0;
        v[15] = x.regionUnemploymentRate();
        String p = x.province() == null ? "" : x.province();
        v[16] = p.equals("ANTWERPEN") ? 1 : 0;
        v[17] = p.equals("LIMBURG") ? 1 : 0;
        v[18] = p.equals("OOST-VLAANDEREN") ? 1 : 0;
        v[19] = p.equals("VLAAMS-BRABANT") ? 1 : 0;
        v[20] = p.equals("BRUSSEL") ? 1 : 0;
        return v;
    }
}
