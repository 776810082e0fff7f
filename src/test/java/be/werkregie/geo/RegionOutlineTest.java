package be.werkregie.geo;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.shared.WebOrigin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outline the maps fall back to: every municipality's centre lies inside it, and places abroad do not. */
class RegionOutlineTest {

    @Test
    void everyMunicipalityLiesInsideTheOutlineAndPlacesAbroadOutside() throws Exception {
        List<String> outside = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RegionOutlineTest.class.getResourceAsStream("/geo/municipalities.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(";");
                n++;
                if (!RegionOutline.contains(Double.parseDouble(f[5]), Double.parseDouble(f[6]))) {
                    outside.add(f[1]);
                }
            }
            assertThat(n).isGreaterThan(300);
        }
        assertThat(outside).isEmpty();
        // Lille, Namur, Liège, Breda and Maastricht are not in Flanders or Brussels
        assertThat(RegionOutline.contains(50.63, 3.06)).isFalse();
        assertThat(RegionOutline.contains(50.47, 4.87)).isFalse();
        assertThat(RegionOutline.contains(50.63, 5.57)).isFalse();
        assertThat(RegionOutline.contains(51.59, 4.78)).isFalse();
        assertThat(RegionOutline.contains(50.85, 5.69)).isFalse();
        assertThat(RegionOutline.rings()).extracting(RegionOutline.Ring::region).contains("VLG", "BRU");
    }

    @Test
    void theTileOriginIsWhatTheContentSecurityPolicyAllows() {
        assertThat(WebOrigin.of("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo("https://tile.openstreetmap.org");
        assertThat(WebOrigin.of("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(WebOrigin.of("http://127.0.0.1:9/{z}/{x}/{y}.png")).isEqualTo("http://127.0.0.1:9");
        assertThat(WebOrigin.of("")).isEmpty();
        assertThat(WebOrigin.of("javascript:alert(1)")).isEmpty();
        assertThat(WebOrigin.of("not a url")).isEmpty();
        assertThat(new MapSettings(null, null, null).tileOrigin()).isEmpty();
    }
}
