package be.werkregie.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import be.werkregie.IntegrationTest;
import be.werkregie.people.PersonDirectory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks every page and API endpoint for every role (and anonymous): a role outside the documented matrix
 * (docs/access-control.md) must be refused, a role inside it must not be. Deny by default is proven by
 * an unlisted path being refused for everyone.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AccessControlMatrixTest {

    static final Map<Role, String> ACCOUNT = new LinkedHashMap<>();

    static {
        ACCOUNT.put(Role.CITIZEN, "mira");
        ACCOUNT.put(Role.MEDIATOR, "mediator");
        ACCOUNT.put(Role.PARTNER_STAFF, "partner");
        ACCOUNT.put(Role.SOCIAL_WORKER, "socialworker");
        ACCOUNT.put(Role.PARTNER_MANAGER, "partnermanager");
        ACCOUNT.put(Role.CAMPUS_MANAGER, "campus");
        ACCOUNT.put(Role.LOCAL_GOVERNMENT, "localgov");
        ACCOUNT.put(Role.ANALYST, "analyst");
        ACCOUNT.put(Role.ADMINISTRATOR, "admin");
    }

    record Endpoint(String method, String path, Set<Role> allowed, boolean api) {}

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired PersonDirectory people;

    @Test
    void everyRoleReachesExactlyWhatTheMatrixAllows() throws Exception {
        UUID p = people.idOfPersona("mira").orElseThrow();
        Set<Role> all = EnumSet.allOf(Role.class);
        Set<Role> staff = EnumSet.of(Role.MEDIATOR, Role.PARTNER_STAFF, Role.SOCIAL_WORKER, Role.ADMINISTRATOR);
        Set<Role> registrars = EnumSet.of(Role.MEDIATOR, Role.SOCIAL_WORKER, Role.ADMINISTRATOR);
        Set<Role> writers = EnumSet.of(Role.MEDIATOR, Role.PARTNER_STAFF, Role.SOCIAL_WORKER);
        Set<Role> consentManagers = EnumSet.of(Role.MEDIATOR, Role.SOCIAL_WORKER);
        Set<Role> outbox = EnumSet.of(Role.MEDIATOR, Role.ADMINISTRATOR);
        Set<Role> centreStaff = EnumSet.of(Role.PARTNER_STAFF, Role.PARTNER_MANAGER);
        Set<Role> partnerStaff = EnumSet.of(Role.PARTNER_STAFF, Role.PARTNER_MANAGER);
        List<Endpoint> matrix = List.of(
                new Endpoint("GET", "/home", all, false),
                new Endpoint("GET", "/me", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/me/views", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/me/messages", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/me/vouchers/" + UUID.randomUUID() + "/receipt", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/pay/demo/DEMO-" + UUID.randomUUID(), EnumSet.of(Role.CITIZEN), false),
                new Endpoint("POST", "/me/channels", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("POST", "/me/consents", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/people?q=Kovalenko", staff, false),
                new Endpoint("GET", "/people/new", registrars, false),
                new Endpoint("POST", "/people", registrars, false),
                new Endpoint("GET", "/people/" + p, staff, false),
                new Endpoint("POST", "/people/" + p + "/entries", writers, false),
                new Endpoint("POST", "/people/" + p + "/handovers", writers, false),
                new Endpoint("POST", "/handovers/" + UUID.randomUUID() + "/acknowledge", writers, false),
                new Endpoint("POST", "/people/" + p + "/consents", consentManagers, false),
                new Endpoint("POST", "/people/" + p + "/consents/" + UUID.randomUUID() + "/revoke", consentManagers, false),
                new Endpoint("POST", "/people/" + p + "/channels", consentManagers, false),
                new Endpoint("GET", "/people/" + p + "/messages", EnumSet.of(Role.MEDIATOR, Role.SOCIAL_WORKER, Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/people/" + p + "/messages", outbox, false),
                new Endpoint("GET", "/messages", outbox, false),
                new Endpoint("GET", "/messages/letters", outbox, false),
                new Endpoint("GET", "/messages/sms/" + UUID.randomUUID() + ".csv", outbox, false),
                new Endpoint("POST", "/messages/sms/export", outbox, false),
                new Endpoint("GET", "/messages/phone-tasks", outbox, false),
                new Endpoint("POST", "/messages/letters/close", outbox, false),
                new Endpoint("GET", "/actuator/metrics", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("GET", "/policy", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("GET", "/accounts/locks", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("GET", "/admin/anything", EnumSet.noneOf(Role.class), false),
                new Endpoint("GET", "/api/me", EnumSet.of(Role.CITIZEN), true),
                new Endpoint("GET", "/api/people?q=Kovalenko", staff, true),
                new Endpoint("GET", "/api/people/" + p, staff, true),
                new Endpoint("GET", "/api/people/" + p + "/dossier", staff, true),
                new Endpoint("POST", "/api/people", registrars, true),
                new Endpoint("POST", "/api/people/" + p + "/dossier", writers, true),
                new Endpoint("POST", "/api/people/" + p + "/consents", consentManagers, true),
                new Endpoint("POST", "/api/people/" + p + "/messages", outbox, true),
                new Endpoint("GET", "/me/vouchers", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("POST", "/me/vouchers", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/centre/vouchers", centreStaff, false),
                new Endpoint("POST", "/centre/vouchers", centreStaff, false),
                new Endpoint("GET", "/centre/vouchers/" + UUID.randomUUID(), centreStaff, false),
                new Endpoint("POST", "/centre/vouchers/" + UUID.randomUUID() + "/sessions", centreStaff, false),
                new Endpoint("GET", "/vouchers/admin", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/vouchers/admin/payment-runs", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("GET", "/api/me/vouchers", EnumSet.of(Role.CITIZEN), true),
                new Endpoint("POST", "/api/me/vouchers/eligibility", EnumSet.of(Role.CITIZEN), true),
                new Endpoint("GET", "/api/centre/vouchers", centreStaff, true),
                new Endpoint("POST", "/api/centre/vouchers", centreStaff, true),
                new Endpoint("GET", "/api/voucher-admin/payment-runs", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST), true),
                new Endpoint("POST", "/api/voucher-admin/payment-runs", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("POST", "/api/voucher-admin/mandates/" + UUID.randomUUID() + "/decision", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("POST", "/api/voucher-admin/centres/" + UUID.randomUUID() + "/dossier-controls", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("PUT", "/api/centre/profile", centreStaff, true),
                new Endpoint("POST", "/api/centre/mandate-applications", centreStaff, true),
                new Endpoint("GET", "/api/centre/mandates", centreStaff, true),
                new Endpoint("GET", "/vouchers/admin/misuse", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/vouchers/admin/misuse/detection", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("GET", "/centre/sanctions", centreStaff, false),
                new Endpoint("POST", "/centre/sites", centreStaff, false),
                new Endpoint("POST", "/centre/sites/" + UUID.randomUUID() + "/removal", centreStaff, false),
                new Endpoint("POST", "/guidance/admin/concessions", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/vouchers/admin/centres/dossier-control", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/api/voucher-admin/misuse/detection", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("GET", "/api/voucher-admin/misuse/cases", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST), true),
                new Endpoint("GET", "/api/voucher-admin/sanctions", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST), true),
                new Endpoint("POST", "/api/voucher-admin/sanctions/" + UUID.randomUUID() + "/decision", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("GET", "/api/centre/sanctions", centreStaff, true),
                new Endpoint("POST", "/api/centre/sanctions/" + UUID.randomUUID() + "/defence", centreStaff, true),
                new Endpoint("GET", "/me/guidance", EnumSet.of(Role.CITIZEN), false),
                new Endpoint("GET", "/guidance/mediator", EnumSet.of(Role.MEDIATOR), false),
                new Endpoint("GET", "/guidance/mediator/people/" + p, EnumSet.of(Role.MEDIATOR), false),
                new Endpoint("POST", "/guidance/mediator/people/" + p + "/assessment", EnumSet.of(Role.MEDIATOR), false),
                new Endpoint("GET", "/partner/trajectories", partnerStaff, false),
                new Endpoint("GET", "/guidance/admin", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/guidance/admin/assignment-runs", EnumSet.of(Role.ADMINISTRATOR), false),
                new Endpoint("POST", "/partner/trajectories/" + UUID.randomUUID() + "/stop", partnerStaff, false),
                new Endpoint("GET", "/api/mediation/intakes", EnumSet.of(Role.MEDIATOR), true),
                new Endpoint("POST", "/api/mediation/assessments", EnumSet.of(Role.MEDIATOR), true),
                new Endpoint("GET", "/api/mediation/people/" + p + "/guidance", EnumSet.of(Role.MEDIATOR), true),
                new Endpoint("GET", "/api/me/guidance", EnumSet.of(Role.CITIZEN), true),
                new Endpoint("GET", "/api/partner/trajectories", partnerStaff, true),
                new Endpoint("POST", "/api/partner/trajectories/" + UUID.randomUUID() + "/actions", partnerStaff, true),
                new Endpoint("GET", "/api/partner/trajectories/" + UUID.randomUUID() + "/result-fee", partnerStaff, true),
                new Endpoint("GET", "/api/guidance-admin/kpis", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST), true),
                new Endpoint("POST", "/api/guidance-admin/assignment-runs", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("POST", "/api/guidance-admin/people/" + p + "/kow-group", EnumSet.of(Role.ADMINISTRATOR), true),
                new Endpoint("GET", "/api/unlisted", EnumSet.noneOf(Role.class), true));
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : matrix) {
            int anonymous = mvc.perform(request(e, null)).andReturn().getResponse().getStatus();
            if (anonymous != 401 && anonymous != 403 && !(anonymous == 302 && !e.api())) {
                wrong.add("anonymous " + e.method() + " " + e.path() + " -> " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = mvc.perform(request(e, ACCOUNT.get(role))).andReturn().getResponse().getStatus();
                // an address no page answers is "not found" for a signed-in user (deny by default still holds)
                boolean refused = status == 401 || status == 403 || status == 404 && e.path().equals("/admin/anything");
                if (e.allowed().contains(role) == refused) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " -> " + status);
                }
                if (status >= 500) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " -> server error " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void publicPagesNeedNoLogin() throws Exception {
        for (String path : List.of("/", "/login", "/about", "/geo", "/actuator/health", "/css/app.css",
                "/loopbaancentra", "/loopbaancentra?place=Gent&radiusKm=50", "/api/career-centres?place=Gent",
                "/begeleiding", "/begeleiding?place=Gent&offer=BASIC", "/api/guidance/partners?place=Gent", "/api/guidance/offers",
                "/v3/api-docs")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
    }

    private MockHttpServletRequestBuilder request(Endpoint e, String username) {
        MockHttpServletRequestBuilder b = switch (e.method()) {
            case "GET" -> get(e.path());
            case "PUT" -> put(e.path());
            default -> post(e.path());
        };
        if (!e.method().equals("GET")) {
            b = e.api() ? b.contentType(MediaType.APPLICATION_JSON).content("{}") : b.with(csrf());
        }
        if (username != null) {
            if (e.api()) {
                b = b.with(httpBasic(username, "werkregie"));
            } else {
                b = b.with(user(users.loadUserByUsername(username)));
            }
        }
        return b;
    }
}
