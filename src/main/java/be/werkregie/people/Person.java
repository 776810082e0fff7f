package be.werkregie.people;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A citizen as the platform knows them. Dimensions hold the target-group spectra (1..5, null when unknown). */
public record Person(UUID id, String nationalNumber, String firstName, String lastName, LocalDate birthDate, char sex,
                     String municipalityNis, String street, String email, String phone, String language,
                     String contactLanguage, List<Channel> preferredChannels, PersonStatus status, Education education,
                     boolean migrationBackground, boolean workDisability, Map<String, Integer> dimensions, String persona) {

    public static final List<String> DIMENSIONS = List.of("unemployment_duration", "digital_skills", "dutch_level",
            "motivation", "mobility", "finances", "health", "career_clarity", "reachability");

    public String fullName() {
        return firstName + " " + lastName;
    }

    public int age(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /** Belongs to at least one disadvantaged group (kansengroep): low-educated, 50+, migration background, work disability. */
    public boolean inDisadvantagedGroup(LocalDate on) {
        return education == Education.LOW || age(on) >= 50 || migrationBackground || workDisability;
    }

    public String formattedNationalNumber() {
        return new be.werkregie.shared.NationalNumber(nationalNumber).formatted();
    }
}
