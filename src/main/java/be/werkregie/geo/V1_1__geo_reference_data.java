package be.werkregie.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Loads the municipalities of Flanders and Brussels shipped with the project (resources/geo, built by
 * tools/geo from Statbel's 2020 list and GeoNames centroids; see docs/data-sources.md).
 */
@Component
class V1_1__geo_reference_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> regionByArrondissement = new LinkedHashMap<>();
        for (String[] row : csv("/geo/reference-regions.csv")) {
            regionByArrondissement.put(row[0], row[1]);
        }
        List<String> regions = regionByArrondissement.values().stream().distinct().sorted().toList();
        var c = context.getConnection();
        try (var ps = c.prepareStatement("insert into reference_region (id, name) values (?, ?)")) {
            for (int i = 0; i < regions.size(); i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, regions.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (var m = c.prepareStatement("insert into municipality values (?,?,?,?,?,?,?,?)");
             var p = c.prepareStatement("insert into postcode values (?, ?)")) {
            for (String[] row : csv("/geo/municipalities.csv")) {
                String nis = row[0];
                String arrondissement = nis.substring(0, 2);
                m.setString(1, nis);
                m.setString(2, row[1]);
                m.setString(3, row[2]);
                m.setString(4, province(nis));
                m.setInt(5, regions.indexOf(regionByArrondissement.get(arrondissement)) + 1);
                m.setInt(6, Integer.parseInt(row[4]));
                m.setBigDecimal(7, new java.math.BigDecimal(row[5]));
                m.setBigDecimal(8, new java.math.BigDecimal(row[6]));
                m.addBatch();
                p.setString(1, row[3]);
                p.setString(2, nis);
                p.addBatch();
            }
            m.executeBatch();
            p.executeBatch();
        }
    }

    static String province(String nis) {
        return switch (nis.substring(0, 2)) {
            case "21" -> "BRU";
            case "23", "24" -> "VBR";
            default -> switch (nis.charAt(0)) {
                case '1' -> "VAN";
                case '3' -> "VWV";
                case '4' -> "VOV";
                case '7' -> "VLI";
                default -> throw new IllegalArgumentException("Not in Flanders or Brussels: " + nis);
            };
        };
    }

    private static List<String[]> csv(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                V1_1__geo_reference_data.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(";", -1));
            }
        }
        return rows;
    }
}
