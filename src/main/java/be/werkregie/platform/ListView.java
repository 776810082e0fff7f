package be.werkregie.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a list people work with: searched, filtered, sorted and paged, with the links that keep the other
 * choices (component {@code lists.html}: filter bar, sortable column headers with {@code aria-sort}, pagination, the
 * count and a "refine your search" message). For lists the page holds in memory (hundreds of rows); a list of
 * thousands is searched and paged in SQL by its module and shown with the same fragments.
 *
 * @param <T> the row
 */
public final class ListView<T> {

    /** The page size unless the reader asks for another one (10–100). */
    public static final int DEFAULT_SIZE = 25;

    private final List<T> items;
    private final int total;
    private final int page;
    private final int size;
    private final String sort;
    private final boolean descending;
    private final Map<String, String> params;

    private ListView(List<T> items, int total, int page, int size, String sort, boolean descending, Map<String, String> params) {
        this.items = items;
        this.total = total;
        this.page = page;
        this.size = size;
        this.sort = sort;
        this.descending = descending;
        this.params = params;
    }

    /** The choices of the reader, read from the query string: q, sort, dir, page, size and the list's own filters. */
    public static Builder from(Map<String, String> query) {
        return new Builder(query == null ? Map.of() : query);
    }

    public static final class Builder {
        private final Map<String, String> query;
        private final Map<String, Comparator<?>> sorts = new LinkedHashMap<>();
        private String defaultSort;
        private final List<String> filterNames = new ArrayList<>();

        private Builder(Map<String, String> query) {
            this.query = query;
        }

        /** A column that can be sorted on; the first one is the default order. */
        public <T> Builder sort(String column, Comparator<T> order) {
            sorts.put(column, order);
            if (defaultSort == null) {
                defaultSort = column;
            }
            return this;
        }

        /** A query parameter that filters the list and must be kept by the paging and sorting links. */
        public Builder keep(String... names) {
            filterNames.addAll(List.of(names));
            return this;
        }

        public String param(String name) {
            String v = query.get(name);
            return v == null ? "" : v.trim();
        }

        /** The reader's choices for a list that its module searches, sorts and pages in SQL. */
        public record Request(String q, String sort, boolean descending, int offset, int limit) {}

        /** One page of such a list, and how many rows match in all. */
        public record Slice<T>(List<T> items, int total) {}

        /**
         * For a list of thousands: the module answers the request in SQL (search, filters, the order of a whitelisted
         * column given to {@link #sort} with a null comparator, offset and limit) and the list is shown with the same
         * fragments. A page past the end shows the last page.
         */
        public <T> ListView<T> paged(Function<Request, Slice<T>> fetch) {
            String q = param("q");
            String sort = sorts.containsKey(param("sort")) ? param("sort") : defaultSort;
            boolean descending = "desc".equals(param("dir"));
            int size = clamp(parse(param("size"), DEFAULT_SIZE), 10, 100);
            int page = Math.max(1, parse(param("page"), 1));
            Slice<T> slice = fetch.apply(new Request(q, sort, descending, (page - 1) * size, size));
            int pages = Math.max(1, (slice.total() + size - 1) / size);
            if (page > pages) {
                page = pages;
                slice = fetch.apply(new Request(q, sort, descending, (page - 1) * size, size));
            }
            return new ListView<>(List.copyOf(slice.items()), slice.total(), page, size, sort, descending, kept(q, size));
        }

        private Map<String, String> kept(String q, int size) {
            Map<String, String> keep = new LinkedHashMap<>();
            if (!q.isEmpty()) {
                keep.put("q", q);
            }
            for (String f : filterNames) {
                if (!param(f).isEmpty()) {
                    keep.put(f, param(f));
                }
            }
            if (size != DEFAULT_SIZE) {
                keep.put("size", String.valueOf(size));
            }
            return keep;
        }

        /**
         * Applies the free-text search (every word must occur in the row's text, without regard to case or accents),
         * the filter, the order and the page.
         */
        @SuppressWarnings("unchecked")
        public <T> ListView<T> of(List<T> all, Function<T, String> searchText, Predicate<T> filter) {
            String q = param("q");
            List<String> words = q.isEmpty() ? List.of() : List.of(fold(q).split("\\s+"));
            List<T> matching = new ArrayList<>();
            for (T row : all) {
                if (filter != null && !filter.test(row)) {
                    continue;
                }
                if (!words.isEmpty()) {
                    String text = fold(searchText.apply(row));
                    if (!words.stream().allMatch(text::contains)) {
                        continue;
                    }
                }
                matching.add(row);
            }
            String sort = sorts.containsKey(param("sort")) ? param("sort") : defaultSort;
            boolean descending = "desc".equals(param("dir"));
            if (sort != null) {
                Comparator<T> order = (Comparator<T>) sorts.get(sort);
                if (order != null) {
                    matching.sort(descending ? order.reversed() : order);
                }
            }
            int size = clamp(parse(param("size"), DEFAULT_SIZE), 10, 100);
            int pages = Math.max(1, (matching.size() + size - 1) / size);
            int page = clamp(parse(param("page"), 1), 1, pages);
            List<T> items = matching.subList((page - 1) * size, Math.min(matching.size(), page * size));
            return new ListView<>(List.copyOf(items), matching.size(), page, size, sort, descending, kept(q, size));
        }
    }

    public List<T> items() { return items; }
    public int total() { return total; }
    public int page() { return page; }
    public int pages() { return Math.max(1, (total + size - 1) / size); }
    public int from() { return total == 0 ? 0 : (page - 1) * size + 1; }
    public int to() { return Math.min(total, page * size); }
    public boolean hasPrevious() { return page > 1; }
    public boolean hasNext() { return page < pages(); }
    public String q() { return params.getOrDefault("q", ""); }
    public boolean filtered() { return !params.isEmpty(); }

    /** The page numbers to show: the first, the last and two on each side of the current one (0 = a gap). */
    public List<Integer> pageNumbers() {
        List<Integer> out = new ArrayList<>();
        int last = pages();
        for (int p = 1; p <= last; p++) {
            if (p == 1 || p == last || Math.abs(p - page) <= 2) {
                out.add(p);
            } else if (out.get(out.size() - 1) != 0) {
                out.add(0);
            }
        }
        return out;
    }

    /** The query string of another page, keeping the search, filters and order. */
    public String pageLink(int p) {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.put("sort", sort);
        if (descending) {
            m.put("dir", "desc");
        }
        if (p > 1) {
            m.put("page", String.valueOf(p));
        }
        return query(m);
    }

    /** The query string that sorts on the column (the other way round when it is the current order), from page 1. */
    public String sortLink(String column) {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.put("sort", column);
        if (column.equals(sort) && !descending) {
            m.put("dir", "desc");
        }
        return query(m);
    }

    /** The value of aria-sort for the column's header: ascending, descending, or none when not sorted on it. */
    public String ariaSort(String column) {
        return column.equals(sort) ? (descending ? "descending" : "ascending") : null;
    }

    private static String query(Map<String, String> m) {
        StringBuilder b = new StringBuilder("?");
        m.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                if (b.length() > 1) {
                    b.append('&');
                }
                b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static int parse(String s, int otherwise) {
        try {
            return s.isEmpty() ? otherwise : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
