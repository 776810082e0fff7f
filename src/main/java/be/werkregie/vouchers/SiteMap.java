package be.werkregie.vouchers;

import be.werkregie.geo.RegionOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The map of the search results as it is drawn without JavaScript, and under the interactive map while its tiles
 * load: the outline of Flanders and Brussels, the search circle and the nearest site of every result, numbered as in
 * the list. Decorative: the list says the same. The interactive map (static/js/map.js, Leaflet) is built from the
 * same data, on the tiles of {@code werkregie.map.tile-url}, and falls back to this outline when they cannot be
 * reached.
 */
record SiteMap(int width, int height, List<String> outlines, double originX, double originY, double radius,
               List<Point> points) {

    record Point(double x, double y, int number, String label) {}

    private static final double COS = Math.cos(Math.toRadians((RegionOutline.NORTH + RegionOutline.SOUTH) / 2));
    private static final int WIDTH = 640;
    private static final int HEIGHT = (int) Math.round(WIDTH * (RegionOutline.NORTH - RegionOutline.SOUTH)
            / ((RegionOutline.EAST - RegionOutline.WEST) * COS));
    private static final List<String> OUTLINES = RegionOutline.rings().stream().map(SiteMap::path).toList();

    static SiteMap of(SearchRobot.Result r) {
        List<Point> points = new ArrayList<>();
        int n = 1;
        for (SearchRobot.Hit hit : r.hits()) {
            points.add(new Point(x(hit.nearestSite().longitude()), y(hit.nearestSite().latitude()), n++, hit.centre().name()));
        }
        double radius = r.radiusKm() / 111.0 / (RegionOutline.NORTH - RegionOutline.SOUTH) * HEIGHT;
        return new SiteMap(WIDTH, HEIGHT, OUTLINES, x(r.originLongitude()), y(r.originLatitude()), radius, points);
    }

    private static double x(double longitude) {
        return round((longitude - RegionOutline.WEST) / (RegionOutline.EAST - RegionOutline.WEST) * WIDTH);
    }

    private static double y(double latitude) {
        return round((RegionOutline.NORTH - latitude) / (RegionOutline.NORTH - RegionOutline.SOUTH) * HEIGHT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String path(RegionOutline.Ring ring) {
        StringBuilder d = new StringBuilder();
        for (double[] p : ring.points()) {
            d.append(d.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x(p[0]), y(p[1])));
        }
        return d.append('Z').toString();
    }
}
