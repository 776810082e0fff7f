package be.werkregie.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simplified outline of Flanders (with Voeren) and Brussels, about 80 points, published as GeoJSON at
 * {@code /geo/outline.json} for the maps in the browser and used here for the map that works without JavaScript.
 * It is meant to show where a place lies, not to decide on which side of a border it is: that comes from the
 * municipality register. A test checks that every municipality's centre lies inside it.
 */
public final class RegionOutline {

    /** One closed ring of [longitude, latitude] points, and the region it belongs to (VLG or BRU). */
    public record Ring(String region, List<double[]> points) {}

    /** West, south, east and north edge of the outline, in degrees. */
    public static final double WEST = 2.50;
    public static final double SOUTH = 50.66;
    public static final double EAST = 5.95;
    public static final double NORTH = 51.52;

    private static final List<Ring> RINGS = load();

    private RegionOutline() {}

    public static List<Ring> rings() {
        return RINGS;
    }

    /** Whether a point lies inside one of the rings (ray casting). */
    public static boolean contains(double latitude, double longitude) {
        for (Ring ring : RINGS) {
            boolean in = false;
            List<double[]> p = ring.points();
            for (int i = 0, j = p.size() - 1; i < p.size(); j = i++) {
                double xi = p.get(i)[0], yi = p.get(i)[1], xj = p.get(j)[0], yj = p.get(j)[1];
                if ((yi > latitude) != (yj > latitude) && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
            if (in) {
                return true;
            }
        }
        return false;
    }

    private static List<Ring> load() {
        try (InputStream in = RegionOutline.class.getResourceAsStream("/static/geo/outline.json")) {
            if (in == null) {
                throw new IllegalStateException("static/geo/outline.json is missing");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Ring> rings = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                String region = feature.get("properties").get("region").asString();
                JsonNode geometry = feature.get("geometry");
                JsonNode coordinates = geometry.get("coordinates");
                List<JsonNode> polygons = new ArrayList<>();
                if ("MultiPolygon".equals(geometry.get("type").asString())) {
                    coordinates.forEach(polygons::add);
                } else {
                    polygons.add(coordinates);
                }
                for (JsonNode polygon : polygons) {
                    List<double[]> points = new ArrayList<>();
                    for (JsonNode point : polygon.get(0)) {
                        points.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
                    }
                    rings.add(new Ring(region, List.copyOf(points)));
                }
            }
            return List.copyOf(rings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
