package be.werkregie.people;

import java.util.List;
import java.util.Map;

/** What is needed to register a person; strings as typed, validated by {@link PersonRegistration}. */
public record NewPerson(String nationalNumber, String firstName, String lastName, String municipality, String street,
                        String email, String phone, String language, String contactLanguage, List<String> preferredChannels,
                        String status, String education, Boolean migrationBackground, Boolean workDisability,
                        Map<String, Integer> dimensions, String persona) {}
