package be.werkregie.shared;

import java.net.URI;

/** The origin (scheme://host[:port]) of a URL or URL template, for a Content-Security-Policy. */
public final class WebOrigin {

    private WebOrigin() {}

    /**
     * The origin of a URL or a Leaflet-style template ({@code https://{s}.tile.example/{z}/{x}/{y}.png}); a
     * placeholder subdomain becomes a wildcard. Empty when the text is blank or has no scheme and host.
     */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI u = URI.create(url.strip().replaceAll("\\{[a-z]+}", "x"));
            if (u.getScheme() == null || u.getHost() == null || !u.getScheme().matches("https?")) {
                return "";
            }
            String host = u.getHost().replaceFirst("^x\\.", "*.");
            return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
