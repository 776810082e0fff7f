package be.werkregie.shared;

import java.util.Locale;

/** The languages the platform speaks; Dutch first. */
public enum Language {
    NL, FR, EN;

    public Locale locale() {
        return Locale.forLanguageTag(name().toLowerCase());
    }

    public String code() {
        return name().toLowerCase();
    }

    public static Language fromCode(String code, Language fallback) {
        if (code == null) {
            return fallback;
        }
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code.trim())) {
                return l;
            }
        }
        return fallback;
    }
}
