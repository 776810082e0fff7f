package be.werkregie.vouchers;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained SVG map of the search results (no tiles fetched from elsewhere): the search origin and the nearest
 * site of every result, projected on a simple equirectangular grid. Decorative: the list says the same.
 */
record SiteMap(int width, int height, double originX, double originY, List<Point> points) {

    record Point(double x, double y, int number, String label) {}

    static SiteMap of(SearchRobot.Result r) {
        double span = Math.max(r.radiusKm(), 5) * 1.15 / 111.0; // degrees of latitude
        double lonSpan = span / Math.cos(Math.toRadians(r.originLatitude()));
        int w = 320;
        int h = 320;
        List<Point> points = new ArrayList<>();
        int n = 1;
        for (SearchRobot.Hit hit : r.hits()) {
            double x = w / 2.0 + (hit.nearestSite().longitude() - r.originLongitude()) / lonSpan * (w / 2.0);
            double y = h / 2.0 - (hit.nearestSite().latitude() - r.originLatitude()) / span * (h / 2.0);
            points.add(new Point(clamp(x, 8, w - 8), clamp(y, 8, h - 8), n++, hit.centre().name()));
        }
        return new SiteMap(w, h, w / 2.0, h / 2.0, points);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
