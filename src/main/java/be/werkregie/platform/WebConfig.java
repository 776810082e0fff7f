package be.werkregie.platform;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Dutch by default; ?lang=fr or ?lang=en switches and is remembered in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    /**
     * Boot registers a ResourceUrlEncodingFilter because the webjars locator is present. It resolves every link
     * of every page against the class path (most are not static resources and are never cached), which cost more
     * than half of the person page's time under load. Version-less webjar URLs are still resolved when the file
     * itself is requested, so links need no rewriting.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("werkregie-lang");
        // without a chosen language: the browser's or API client's Accept-Language when we speak it, else Dutch
        r.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            java.util.List<Locale.LanguageRange> ranges;
            try {
                ranges = header == null || header.isBlank() ? java.util.List.of() : Locale.LanguageRange.parse(header);
            } catch (IllegalArgumentException e) {
                ranges = java.util.List.of(); // a malformed header (en;q=abc) is ignored, never an error
            }
            if (!ranges.isEmpty()) {
                for (Locale.LanguageRange range : ranges) {
                    String lang = range.getRange().substring(0, Math.min(2, range.getRange().length()));
                    if (lang.equals("nl") || lang.equals("fr") || lang.equals("en")) {
                        return Locale.forLanguageTag(lang);
                    }
                }
            }
            return Locale.forLanguageTag("nl");
        });
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        i.setIgnoreInvalidLocale(true);
        registry.addInterceptor(i);
    }

}
