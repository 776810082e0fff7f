package be.werkregie.geo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background of the interactive maps (prefix {@code werkregie.map}). {@code tileUrl} is a Leaflet tile template
 * such as the Flemish government's or OpenStreetMap's ({@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}); empty
 * means no tiles: the map then shows the outline of Flanders and Brussels only, which is also what it falls back to
 * when the tiles cannot be reached.
 */
@ConfigurationProperties("werkregie.map")
public record MapSettings(String tileUrl, String attribution, Integer maxZoom) {

    public MapSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        attribution = attribution == null ? "" : attribution.strip();
        maxZoom = maxZoom == null ? 18 : maxZoom;
    }

    /** The origin the tiles come from, for the Content-Security-Policy; empty without tiles. */
    public String tileOrigin() {
        return be.werkregie.shared.WebOrigin.of(tileUrl);
    }
}
