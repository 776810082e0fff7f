package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.Users;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input never gives a 5xx, and changes nothing. Generated from the application itself, so a new endpoint is
 * covered the day it lands: every operation of the OpenAPI document gets a plausible request in which one value at a
 * time is replaced by a malformed one (NUL and control characters, 2147483647, dates like +999999999-12-31, [null],
 * wrong types, huge texts, a non-UUID id, a malformed Accept-Language), and every form and page of the web controllers
 * gets the same values in its parameters. Every answer must be below 500, and no business table may have changed.
 */
@IntegrationTest
// nothing printed, nothing kept: by default MockMvc keeps every exchange in memory to print it on failure, which for
// thousands of requests with 100 kB values ran the suite out of heap in CI
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
// a database of its own: the plausible requests may really run things (an assignment run, a payment run)
@org.springframework.test.context.TestPropertySource(properties = "werkregie.embedded-db.database=fuzz")
class InputFuzzTest {

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_001);
    /** Malformed values for a form field or a query parameter. */
    private static final List<String> BAD_TEXT = List.of("a\u0000b", "2147483647", "-2147483648", "+999999999-12-31",
            "-999999999-01-01", "2027-02-30", "not-a-uuid", HUGE, "99999999999999999999", "1e400", "'; drop table person; --", "%00");
    private static final List<String> FORM_FIELDS = List.of("date", "occurredOn", "concernsDate", "expiresOn", "validFrom", "until",
            "performedUntil", "workStart", "startedOn", "synthesisOn", "aftercareOn", "experienceSince", "startTime", "duration",
            "halfHours", "amount", "experienceYears", "coachId", "centreId", "partnerId", "siteId", "organisationId", "toOrganisationId",
            "personId", "kind", "visibility", "scope", "status", "outcome", "remedy", "category", "mode", "group", "offerCode",
            "product", "indication", "q", "page", "from", "to", "organisation", "municipality", "nationalNumber", "seed", "runKey",
            "requestKey", "idempotencyKey", "key", "approve", "accept", "final", "founded", "recordedVia", "subject", "body", "title",
            "reason", "note", "description", "motivation", "scores", "score1", "preferredChannels", "languages", "flanking", "lat", "lon",
            "radiusKm", "code");
    /** Tables whose growth is expected from reading (the audit of reads, the event log, sign-in counters). */
    private static final List<String> LOG_TABLES = List.of("audit_event", "event_publication", "event_publication_archive",
            "login_throttle", "idempotency_record", "platform_demo_date", "flyway_schema_history", "spring_session",
            "spring_session_attributes");

    private final Random random = new Random(20270317);
    private final List<String> failures = new ArrayList<>();

    @Test
    void noMalformedValueGivesAServerErrorOrChangesAnything() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(request(HttpMethod.GET, "/v3/api-docs")).andReturn().getResponse().getContentAsString());
        // plausible requests first (they may be valid and change things), then only malformed ones, then the rest
        int plausible = fuzzApi(doc, false);
        Map<String, Long> before = tableCounts();
        int malformed = fuzzApi(doc, true) + fuzzForms(true);
        Map<String, Long> after = tableCounts();
        int mixed = fuzzForms(false);
        int requests = plausible + malformed + mixed;
        assertThat(failures).as("5xx answers out of " + requests + " requests").isEmpty();
        assertThat(after).as("business tables after " + malformed + " malformed requests").isEqualTo(before);
        assertThat(malformed).as("malformed requests").isGreaterThan(1500);
        assertThat(requests).as("all requests").isGreaterThan(8000);
    }

    // ---- the REST API, from its OpenAPI document ----

    private int fuzzApi(JsonNode doc, boolean malformed) throws Exception {
        JsonNode schemas = doc.path("components").path("schemas");
        int n = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                List<JsonNode> params = new ArrayList<>();
                op.getValue().path("parameters").forEach(params::add);
                JsonNode bodySchema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                Map<String, String> types = new LinkedHashMap<>();
                JsonNode body = bodySchema.isMissingNode() ? null : plausible(bodySchema, schemas, 0, "", types);
                if (!malformed) {
                    n += send(method, path.getKey(), params, null, null, body);
                    continue;
                }
                // one malformed value at a time: in a parameter, or in a field of the body (nested ones too)
                for (JsonNode p : params) {
                    String type = p.path("schema").path("type").asString("string") + ":" + p.path("schema").path("format").asString("");
                    for (String bad : badTextFor(type)) {
                        n += send(method, path.getKey(), params, p.path("name").asString(), bad, body);
                    }
                }
                if (body != null) {
                    for (Map.Entry<String, String> field : types.entrySet()) {
                        for (JsonNode bad : badJsonFor(field.getValue())) {
                            n += send(method, path.getKey(), params, null, null, replaced(body, field.getKey(), bad));
                        }
                    }
                    for (String raw : List.of("[null]", "{", "null", "\"\"", "[]", "{\"a\":\"\\u0000\"}")) {
                        n += sendRaw(method, path.getKey(), params, raw);
                    }
                }
            }
        }
        return n;
    }

    /** Values that are malformed for a field of this type ("string:date", "integer:int32", …): never a valid request. */
    private static List<JsonNode> badJsonFor(String type) {
        List<JsonNode> common = List.of(F.stringNode("a\u0000b"), F.stringNode("line\u0007bell"), F.arrayNode().addNull(),
                F.objectNode().put("x", 1));
        List<JsonNode> out = new ArrayList<>(common);
        switch (type) {
            case "string:" -> out.add(F.stringNode(HUGE));
            case "string:date" -> out.addAll(List.of(F.stringNode("+999999999-12-31"), F.stringNode("-999999999-01-01"),
                    F.stringNode("2027-02-30"), F.stringNode("1899-12-31"), F.numberNode(2147483647), F.stringNode(HUGE)));
            case "string:uuid" -> out.addAll(List.of(F.stringNode("not-a-uuid"), F.numberNode(7), F.stringNode(HUGE)));
            case "integer:int32", "integer:int64", "integer:" -> out.addAll(List.of(F.numberNode(2147483647), F.numberNode(-2147483648),
                    F.numberNode(9.99e300), F.stringNode("abc"), F.numberNode(new java.math.BigInteger("99999999999999999999"))));
            case "number:", "number:double", "number:float" -> out.addAll(List.of(F.numberNode(9.99e300), F.stringNode("abc"),
                    F.numberNode(-1e12)));
            case "boolean:" -> out.addAll(List.of(F.stringNode("maybe"), F.numberNode(12)));
            case "array:" -> out.addAll(List.of(F.stringNode("x"), F.arrayNode().add(F.stringNode("a\u0000b"))));
            default -> out.add(F.stringNode("x"));
        }
        return out;
    }

    private static List<String> badTextFor(String type) {
        return switch (type) {
            case "string:uuid" -> List.of("not-a-uuid", "a\u0000b", "%00", HUGE);
            case "string:date" -> List.of("+999999999-12-31", "-999999999-01-01", "2027-02-30", "a\u0000b");
            case "integer:int32", "integer:int64", "integer:" -> List.of("2147483648", "-2147483649", "99999999999999999999", "1e400",
                    "abc", "a\u0000b");
            case "number:", "number:double" -> List.of("1e400", "abc", "a\u0000b");
            case "boolean:" -> List.of("maybe", "a\u0000b");
            default -> List.of("a\u0000b", "line\u0007bell", HUGE);
        };
    }

    private JsonNode plausible(JsonNode schema, JsonNode schemas, int depth) {
        return plausible(schema, schemas, depth, "", new LinkedHashMap<>());
    }

    private JsonNode plausible(JsonNode schema, JsonNode schemas, int depth, String at, Map<String, String> types) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 4 ? F.nullNode() : plausible(schemas.path(name), schemas, depth + 1, at, types);
        }
        if (schema.has("enum")) {
            if (!at.isEmpty()) {
                types.put(at, "enum:");
            }
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        if (!at.isEmpty()) {
            types.put(at, type + ":" + (type.equals("string") && !List.of("date", "uuid").contains(format) ? "" : format));
        }
        switch (type) {
            case "string":
                return switch (format) {
                    case "uuid" -> F.stringNode(UUID.randomUUID().toString());
                    case "date" -> F.stringNode("2027-03-01");
                    case "date-time" -> F.stringNode("2027-03-01T10:00:00Z");
                    case "byte" -> F.stringNode("JVBERi0xLjQ=");
                    default -> F.stringNode("fuzz");
                };
            case "integer":
                return F.numberNode(1);
            case "number":
                return F.numberNode(1.5);
            case "boolean":
                return F.booleanNode(false);
            case "array":
                return F.arrayNode().add(plausible(schema.path("items"), schemas, depth + 1, at + "/0", types));
            default:
                ObjectNode o = F.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    o.set(p.getKey(), plausible(p.getValue(), schemas, depth + 1, at + "/" + p.getKey(), types));
                }
                return o;
        }
    }

    private static JsonNode replaced(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    private int send(HttpMethod method, String template, List<JsonNode> params, String badParam, String badValue, JsonNode body)
            throws Exception {
        MockHttpServletRequestBuilder b = api(method, template, params, badParam, badValue);
        if (body != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return check(b, method + " " + template + (badParam == null ? "" : " " + badParam + "=" + shorten(badValue))
                + (body == null ? "" : " " + shorten(body.toString())));
    }

    private int sendRaw(HttpMethod method, String template, List<JsonNode> params, String raw) throws Exception {
        MockHttpServletRequestBuilder b = api(method, template, params, null, null).contentType(MediaType.APPLICATION_JSON).content(raw);
        return check(b, method + " " + template + " raw " + raw);
    }

    private MockHttpServletRequestBuilder api(HttpMethod method, String template, List<JsonNode> params, String badParam,
                                              String badValue) {
        String path = template;
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : params) {
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            String value = name.equals(badParam) ? badValue : plausible(p.path("schema"), F.objectNode(), 0).asString("1");
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", name.equals(badParam) ? encode(value) : value);
            } else if (in.equals("query")) {
                query.put(name, value);
            }
        }
        path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        MockHttpServletRequestBuilder b = request(method, java.net.URI.create(path));
        query.forEach(b::queryParam);
        b.header("Accept-Language", random.nextInt(4) == 0 ? "en;q=abc" : random.nextBoolean() ? "fr" : "nl");
        String user = apiUser(template);
        if (user != null) {
            b.with(httpBasic(user, "werkregie"));
        }
        return b;
    }

    private static String apiUser(String path) {
        if (path.startsWith("/api/mediation") || path.startsWith("/api/people")) {
            return "mediator";
        }
        if (path.startsWith("/api/partner")) {
            return "partner";
        }
        if (path.startsWith("/api/centre")) {
            return "coach";
        }
        if (path.startsWith("/api/me")) {
            return "mira";
        }
        if (path.startsWith("/api/voucher-admin") || path.startsWith("/api/guidance-admin")) {
            return "admin";
        }
        return null;
    }

    // ---- the web pages and forms, from the controllers' mappings ----

    private int fuzzForms(boolean allMalformed) throws Exception {
        int n = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Class<?> type = e.getValue().getBeanType();
            if (!type.isAnnotationPresent(Controller.class) || type.isAnnotationPresent(RestController.class)
                    || !type.getPackageName().startsWith("be.werkregie")) {
                continue;
            }
            List<String> names = new ArrayList<>(FORM_FIELDS);
            for (var p : e.getValue().getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null && !rp.name().isBlank() && !names.contains(rp.name())) {
                    names.add(rp.name());
                } else if (rp != null && !rp.value().isBlank() && !names.contains(rp.value())) {
                    names.add(rp.value());
                } else if (rp != null && p.getParameterName() != null && !names.contains(p.getParameterName())
                        && !Map.class.isAssignableFrom(p.getParameterType())) {
                    names.add(p.getParameterName());
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                var methods = e.getKey().getMethodsCondition().getMethods();
                for (var m : methods.isEmpty() ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    if (pattern.startsWith("/error") || pattern.equals("/logout")) {
                        continue;
                    }
                    HttpMethod method = HttpMethod.valueOf(m.name());
                    if (allMalformed) {
                        // values malformed whatever the field (a free-text key may well be "2147483647")
                        for (String badValue : List.of("a\u0000b", "line\u0007bell", HUGE)) {
                            // every field malformed at once: nothing can be valid, nothing may be stored
                            MockHttpServletRequestBuilder b = page(method, pattern, null);
                            for (String f : names) {
                                b.param(f, badValue);
                            }
                            n += check(b, method + " " + pattern + " all=" + shorten(badValue));
                        }
                        if (pattern.contains("{")) {
                            n += check(page(method, pattern, "not-a-uuid"), method + " " + pattern + " non-UUID path");
                        }
                        continue;
                    }
                    for (String badValue : BAD_TEXT) {
                        MockHttpServletRequestBuilder b = page(method, pattern, null);
                        for (String f : names) {
                            b.param(f, badValue);
                        }
                        n += check(b, method + " " + pattern + " all=" + shorten(badValue));
                    }
                    for (String f : names) {
                        MockHttpServletRequestBuilder b = page(method, pattern, null).param(f, BAD_TEXT.get(random.nextInt(BAD_TEXT.size())));
                        n += check(b, method + " " + pattern + " " + f);
                    }
                }
            }
        }
        return n;
    }

    private MockHttpServletRequestBuilder page(HttpMethod method, String pattern, String pathValue) {
        String path = pattern.replaceAll("\\{[^}]+}", pathValue == null ? UUID.randomUUID().toString() : pathValue)
                .replace("**", "x").replace("*", "x");
        MockHttpServletRequestBuilder b = request(method, java.net.URI.create(path)).header("Accept-Language", "en;q=abc")
                .accept(MediaType.TEXT_HTML);
        String user = pageUser(pattern);
        if (user != null) {
            b.with(user(users.loadUserByUsername(user)));
        }
        if (method != HttpMethod.GET) {
            b.with(csrf());
        }
        return b;
    }

    private static String pageUser(String path) {
        if (path.startsWith("/me")) {
            return "mira";
        }
        if (path.startsWith("/centre")) {
            return "coach";
        }
        if (path.startsWith("/partner")) {
            return "partner";
        }
        if (path.startsWith("/guidance/admin") || path.startsWith("/vouchers/admin") || path.startsWith("/accounts")) {
            return "admin";
        }
        if (path.startsWith("/people") && path.contains("break-glass")) {
            return "admin";
        }
        if (path.equals("/login") || path.startsWith("/loopbaancentra") || path.startsWith("/begeleiding") || path.equals("/")) {
            return null;
        }
        return "mediator";
    }

    // ---- checks ----

    private int check(MockHttpServletRequestBuilder b, String what) {
        try {
            int status = mvc.perform(b).andReturn().getResponse().getStatus();
            if (status >= 500) {
                failures.add(status + " " + what);
            }
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add("exception " + root.getClass().getSimpleName() + ": " + shorten(String.valueOf(root.getMessage())) + " — " + what);
        }
        return 1;
    }

    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String t : jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""").query(String.class).list()) {
            if (LOG_TABLES.stream().noneMatch(l -> t.endsWith("." + l))) {
                counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
            }
        }
        return counts;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
