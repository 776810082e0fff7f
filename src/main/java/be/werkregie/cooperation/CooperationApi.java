package be.werkregie.cooperation;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cooperation API: the event feed of an organisation's referrals, and the public dashboard's protected figures. */
@RestController
@Tag(name = "Local cooperation", description = "Referral events for the organisations' own systems; the public dashboard per municipality")
class CooperationApi {

    private final CooperationFeed feed;
    private final Dashboard dashboard;

    CooperationApi(CooperationFeed feed, Dashboard dashboard) {
        this.feed = feed;
        this.dashboard = dashboard;
    }

    @GetMapping("/api/cooperation/feed")
    @Operation(summary = "Events of the organisation's referrals after a cursor",
            description = "Steps and status changes of the referrals the caller's organisation takes part in, as far as it may see them, "
                    + "oldest first. Send the 'next' cursor of the previous page as 'after'; no event is lost or repeated. For a social service, "
                    + "events about a person whose mandate has expired or was revoked are left out.")
    CooperationFeed.Page feed(@Parameter(description = "the cursor of the previous page ('next'); empty for the start")
                              @RequestParam(required = false) String after,
                              @Parameter(description = "page size, 1 to 500") @RequestParam(required = false) String limit) {
        Integer n = null;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("limit", "validation.range", 1, CooperationFeed.MAX_PAGE);
            }
        }
        return feed.read(after, n, CurrentUser.get());
    }

    /** One unit's figures of one year, as the page shows them (hidden counts are null). */
    record UnitFigures(String code, String kind, String name, String parent, int year, int threshold, Map<String, Map<String, Dashboard.Cell>> counts,
                       Map<String, Long> reference, String referenceSource, String referenceOn) {}

    @GetMapping("/api/cooperation/dashboard/{unit}")
    @Operation(summary = "The public dashboard's figures of a municipality, a reference region or everything",
            description = "unit: a municipality's NIS code, 'R-' and a reference region's name in lower case with dashes (e.g. R-antwerpse-regio), or 'ALL'. Counts under the disclosure "
                    + "threshold, and the cells that would give them away, have hidden true and no value.")
    UnitFigures unit(@PathVariable String unit, @RequestParam(required = false) String year) {
        int y = year(year);
        Dashboard.Year data = dashboard.year(y);
        Dashboard.Unit u = data.units().get(unit);
        if (u == null) {
            throw new NotFoundException("unit");
        }
        Map<String, Map<String, Dashboard.Cell>> counts = new LinkedHashMap<>();
        for (Dashboard.Breakdown b : Dashboard.Breakdown.values()) {
            Map<String, Dashboard.Cell> m = new LinkedHashMap<>();
            Dashboard.Cell[] cells = data.of(b, u.code());
            for (int i = 0; i < cells.length; i++) {
                m.put(i < b.categories.size() ? b.categories.get(i) : "TOTAL", cells[i]);
            }
            counts.put(b.name(), m);
        }
        Map<String, Dashboard.Reference> ref = data.reference().getOrDefault(u.code(), Map.of());
        Map<String, Long> reference = new LinkedHashMap<>();
        ref.forEach((k, v) -> reference.put(k, v.value()));
        Dashboard.Reference any = ref.values().stream().findFirst().orElse(null);
        return new UnitFigures(u.code(), u.kind(), u.nameNl(), u.parent(), y, data.threshold(), counts, reference,
                any == null ? null : any.source(), any == null ? null : any.referenceOn().toString());
    }

    @GetMapping(value = "/api/cooperation/dashboard.csv", produces = "text/csv")
    @Operation(summary = "The whole year's protected counts as CSV", description = "The same cells as the pages and the JSON answers.")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String year) {
        int y = year(year);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dashboard-" + y + ".csv\"")
                .body(dashboard.csv(y).getBytes(StandardCharsets.UTF_8));
    }

    int year(String year) {
        int now = dashboard.currentYear();
        if (year == null || year.isBlank()) {
            return now;
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y >= now - 5 && y <= now) {
                return y;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw InvalidInputException.of("year", "validation.range", now - 5, now);
    }

    static List<String> years(int now) {
        return List.of(String.valueOf(now), String.valueOf(now - 1), String.valueOf(now - 2), String.valueOf(now - 3));
    }
}
