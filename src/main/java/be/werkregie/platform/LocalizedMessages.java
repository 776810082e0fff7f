package be.werkregie.platform;

import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles (spring.messages.*), with one addition: an argument that is a date or time is written in the
 * message's language ({@link Formats}), so "until {0}" reads "tot 17 mrt 2027", "jusqu'au 17 mars 2027" or
 * "until 17 Mar 2027" and never "2027-03-17". Numbers were already formatted by the locale (MessageFormat).
 */
@Configuration(proxyBeanMethods = false)
class LocalizedMessages {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
            @Override
            protected Object[] resolveArguments(Object[] args, Locale locale) {
                Object[] resolved = super.resolveArguments(args, locale);
                for (int i = 0; i < resolved.length; i++) {
                    if (resolved[i] instanceof java.time.LocalDate || resolved[i] instanceof java.time.Instant) {
                        resolved[i] = Formats.date((TemporalAccessor) resolved[i], locale);
                    } else if (resolved[i] instanceof java.time.OffsetDateTime || resolved[i] instanceof java.time.ZonedDateTime
                            || resolved[i] instanceof java.time.LocalDateTime) {
                        resolved[i] = Formats.dateTime((TemporalAccessor) resolved[i], locale);
                    }
                }
                return resolved;
            }
        };
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        source.setDefaultEncoding(properties.getEncoding() == null ? "UTF-8" : properties.getEncoding().name());
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        return source;
    }
}
