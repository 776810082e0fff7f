package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Mandates, profiles, coaches and dossier control against PostgreSQL, and bad input on a centre form. */
@IntegrationTest
@AutoConfigureMockMvc
class CareerCentresIntegrationTest {

    @Autowired java.time.Clock clock;

    @Autowired CareerCentres centres;
    @Autowired SearchRobot robot;
    @Autowired Quality quality;
    @Autowired Vouchers vouchers;
    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    CurrentUser manager(UUID centre) {
        String name = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "werkregie", "Zaakvoerder", centre, null, "nl", Set.of(Role.PARTNER_MANAGER));
        return users.find(name).orElseThrow();
    }

    CareerCentres.MandateApplication application(String enterpriseNumber) {
        return new CareerCentres.MandateApplication(enterpriseNumber, "NOBCO", new BigDecimal("4"), "Visie", "Intervisie", true);
    }

    boolean listed(UUID centre) {
        CareerCentres.Site site = centres.sites(centre).get(0);
        return robot.search(new SearchRobot.Query(null, site.latitude(), site.longitude(), 5, null, null, null, null, null, 100, 0))
                .hits().stream().anyMatch(h -> h.centre().id().equals(centre));
    }

    @Test
    void mandateApplicationReviewRenewalNewEnterpriseNumberAndSuspension() {
        UUID centre = organisations.ofKind(OrganisationKind.CAREER_CENTRE).get(2).id();
        CurrentUser mgr = manager(centre);
        CurrentUser admin = users.find("admin").orElseThrow();
        long before = jdbc.sql("select count(*) from vc_mandate").query(Long.class).single();
        assertThatThrownBy(() -> centres.apply(centre, new CareerCentres.MandateApplication("0123.456.748", "", new BigDecimal("2.5"),
                "", null, null), mgr)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(InvalidInputException.FieldProblem::field)
                .containsExactlyInAnyOrder("enterpriseNumber", "qualityCertificate", "experienceYears", "vision", "coachFollowUp"));
        assertThat(jdbc.sql("select count(*) from vc_mandate").query(Long.class).single()).isEqualTo(before);

        UUID first = centres.apply(centre, application("0123.456.749"), mgr);
        assertThatThrownBy(() -> centres.apply(centre, application("0123.456.749"), mgr)).isInstanceOf(InvalidInputException.class);
        CareerCentres.Mandate approved = centres.decide(first, true, null, admin);
        // a new enterprise number ends the mandate the centre had
        assertThat(approved.validFrom()).isEqualTo(LocalDate.now(clock));
        assertThat(approved.validUntil()).isEqualTo(LocalDate.now(clock).plusYears(6).minusDays(1));
        assertThat(centres.mandatesOf(centre)).filteredOn(m -> !m.id().equals(first))
                .allMatch(m -> !m.status().name().equals("APPROVED") || m.validUntil().isBefore(LocalDate.now(clock)));
        // a renewal starts the day after the current mandate
        CareerCentres.Mandate renewal = centres.decide(centres.apply(centre, application("0123456749"), mgr), true, "verlengd", admin);
        assertThat(renewal.validFrom()).isEqualTo(approved.validUntil().plusDays(1));
        assertThatThrownBy(() -> centres.decide(renewal.id(), true, null, admin)).isInstanceOf(InvalidInputException.class);

        assertThat(listed(centre)).isTrue();
        centres.changeStatus(approved.id(), "SUSPENDED", "onderzoek loopt", admin);
        assertThat(listed(centre)).as("a suspended centre leaves the search robot at once").isFalse();
        centres.changeStatus(approved.id(), "APPROVED", "onderzoek afgesloten", admin);
        assertThat(listed(centre)).isTrue();
        centres.setPassive(centre, true, admin);
        assertThat(listed(centre)).as("passive centres are not shown").isFalse();
        centres.setPassive(centre, false, admin);

        // a refused application needs a reason
        UUID other = organisations.ofKind(OrganisationKind.CAREER_CENTRE).get(3).id();
        UUID refused = centres.apply(other, application("0123.456.749"), manager(other));
        assertThatThrownBy(() -> centres.decide(refused, false, " ", admin)).isInstanceOf(InvalidInputException.class);
        assertThat(centres.decide(refused, false, "geen kwaliteitslabel", admin).status().name()).isEqualTo("REFUSED");
        // a manager cannot apply for another centre
        assertThatThrownBy(() -> centres.apply(other, application("0123.456.749"), mgr))
                .isInstanceOf(be.werkregie.shared.NotFoundException.class);
    }

    @Test
    void profilesAreFoundAtOnceAndSubcontractorsWorkForSeveralCentres() {
        List<UUID> all = organisations.ofKind(OrganisationKind.CAREER_CENTRE).stream().map(o -> o.id()).toList();
        UUID centre = all.get(4);
        CurrentUser mgr = manager(centre);
        CareerCentres.Site site = centres.sites(centre).get(0);
        assertThatThrownBy(() -> centres.updateProfile(centre, new CareerCentres.ProfileInput("", "http://x", List.of(), null,
                List.of("NOPE"), null, null), mgr)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(InvalidInputException.FieldProblem::field).contains("profile", "website", "languages", "targetGroups"));
        centres.updateProfile(centre, new CareerCentres.ProfileInput("Wij begeleiden zeilinstructeurs die van koers willen wisselen.",
                "https://zeil.example", List.of("nl", "en"), true, List.of("FIFTY_PLUS"), List.of("COACHING"), false), mgr);
        SearchRobot.Result found = robot.search(new SearchRobot.Query(null, site.latitude(), site.longitude(), 50, "en", true,
                "FIFTY_PLUS", "COACHING", "zeilinstructeur", 100, 0));
        assertThat(found.hits()).extracting(h -> h.centre().id()).containsExactly(centre);

        UUID subcontractor = centres.coaches(all.get(5)).get(0).id();
        UUID owner = jdbc.sql("select owner_organisation_id from vc_coach where id = ?").param(subcontractor).query(UUID.class).single();
        String profileBefore = jdbc.sql("select profile from vc_coach where id = ?").param(subcontractor).query(String.class).single();
        // another centre asks to work with the coach; the link counts only once the owning centre accepts it
        centres.addCoach(centre, subcontractor, null, null, "SUBCONTRACTOR", null, null, mgr);
        assertThat(centres.coaches(centre)).extracting(CareerCentres.Coach::id).doesNotContain(subcontractor);
        // and it can never write the coach's public profile
        assertThatThrownBy(() -> centres.updateCoachProfile(subcontractor, "Overschreven door een ander centrum", mgr))
                .isInstanceOf(be.werkregie.shared.NotFoundException.class);
        assertThat(jdbc.sql("select profile from vc_coach where id = ?").param(subcontractor).query(String.class).single())
                .isEqualTo(profileBefore);
        CurrentUser ownerMgr = manager(owner);
        assertThat(centres.linkRequests(owner, ownerMgr)).anyMatch(l -> l.coachId().equals(subcontractor) && l.centreId().equals(centre));
        centres.answerLinkRequest(owner, subcontractor, centre, true, ownerMgr);
        assertThatThrownBy(() -> centres.answerLinkRequest(owner, subcontractor, centre, true, ownerMgr))
                .isInstanceOf(be.werkregie.shared.ConflictException.class);
        assertThat(centres.coaches(centre)).extracting(CareerCentres.Coach::id).contains(subcontractor);
        assertThat(centres.coaches(all.get(5))).extracting(CareerCentres.Coach::id).contains(subcontractor);
        assertThatThrownBy(() -> centres.addSite(centre, "Filiaal", "", "Atlantis", false, true, mgr))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> centres.updateProfile(all.get(6), new CareerCentres.ProfileInput("x", null, List.of("nl"), null,
                null, null, null), mgr)).isInstanceOf(be.werkregie.shared.NotFoundException.class);
    }

    @Test
    void dossierControlDrawsAtMostTwentyFiveAndChecksTheRegistration() {
        UUID centre = organisations.ofKind(OrganisationKind.CAREER_CENTRE).get(0).id();
        long candidates = jdbc.sql("select count(*) from vc_voucher where centre_id = ? and status in ('IN_GUIDANCE','CLOSED')")
                .param(centre).query(Long.class).single();
        UUID control = quality.drawDossierControl(centre, 7, users.find("admin").orElseThrow());
        List<Quality.ControlItem> items = quality.controlItems(control);
        assertThat(items).hasSize((int) Math.min(25, candidates));
        for (Quality.ControlItem item : items) {
            Voucher v = vouchers.find(item.voucherId()).orElseThrow();
            assertThat(item.agreementOk()).isEqualTo(v.agreementPresent());
            assertThat(item.hoursOk()).isEqualTo(v.usedHalfHours() <= v.hours() * 2);
        }
    }

    @Test
    void aMalformedDateOnTheSessionFormGivesAFieldMessageAndStoresNothing() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        Voucher anja = vouchers.ofCentre(coach).stream().filter(v -> v.code().equals("LC-DEMO-ANJA1")).findFirst().orElseThrow();
        int sessions = vouchers.sessions(anja.id()).size();
        String page = mvc.perform(post("/centre/vouchers/" + anja.id() + "/sessions").with(csrf()).with(user(coach))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("date", "2026-02-31").param("duration", "2")
                        .param("mode", "FACE_TO_FACE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"errors\"").contains("Dit is geen geldige datum");
        String over = mvc.perform(post("/centre/vouchers/" + anja.id() + "/sessions").with(csrf()).with(user(coach))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("date", LocalDate.now(clock).toString())
                        .param("duration", "8").param("mode", "FACE_TO_FACE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(over).contains("Dit is te veel");
        assertThat(vouchers.sessions(anja.id())).hasSize(sessions);
    }

    @Test
    void aCentreClosesItsOwnSitesButNeverTheLastAndEndsACoachLink() {
        List<UUID> all = organisations.ofKind(OrganisationKind.CAREER_CENTRE).stream().map(o -> o.id()).toList();
        UUID centre = all.get(7);
        UUID other = all.get(8);
        CurrentUser mgr = manager(centre);
        UUID extra = centres.addSite(centre, "Tijdelijke vestiging", "Markt 1", "Gent", false, true, mgr);
        UUID otherSite = centres.sites(other).get(0).id();
        assertThatThrownBy(() -> centres.removeSite(centre, otherSite, mgr)).isInstanceOf(be.werkregie.shared.NotFoundException.class);
        centres.removeSite(centre, extra, mgr);
        assertThat(centres.sites(centre)).extracting(CareerCentres.Site::id).doesNotContain(extra);
        while (centres.sites(centre).size() > 1) {
            centres.removeSite(centre, centres.sites(centre).get(centres.sites(centre).size() - 1).id(), mgr);
        }
        UUID last = centres.sites(centre).get(0).id();
        assertThatThrownBy(() -> centres.removeSite(centre, last, mgr)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("centre.lastSite"));
        UUID coach = centres.coaches(centre).get(0).id();
        centres.removeCoach(centre, coach, mgr);
        assertThat(centres.coaches(centre)).extracting(CareerCentres.Coach::id).doesNotContain(coach);
        assertThatThrownBy(() -> centres.removeCoach(centre, coach, mgr)).isInstanceOf(be.werkregie.shared.NotFoundException.class);
    }

    /**
     * A centre keeps a site's phone, e-mail and opening hours up to date on a page of its own; bad input is reported
     * field by field and changes nothing; the public profile then shows them per site, in the reader's language, and
     * its "back to the search" link keeps the search.
     */
    @Test
    void aSitesContactAndOpeningHoursReachThePublicProfile() throws Exception {
        UUID centre = robot.activeCentres().get(3).id();
        CurrentUser mgr = manager(centre);
        CareerCentres.Site site = centres.sites(centre).get(0);
        String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/centre/sites/" + site.id() + "/contact").with(user(mgr)))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"from1\"").contains("maandag").contains("zondag");

        String bad = mvc.perform(post("/centre/sites/" + site.id() + "/contact").with(csrf()).with(user(mgr))
                        .param("phone", "call me").param("email", "nope").param("from1", "9:00").param("until1", "8:00")
                        .param("from2", "25:61").param("until2", "12:00"))
                .andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"errors\"").contains("id=\"phone-error\"").contains("id=\"email-error\"")
                .contains("id=\"until1-error\"").contains("id=\"from2-error\"").contains("value=\"call me\"");
        assertThat(centres.sites(centre).get(0).phone()).isEqualTo(site.phone());

        mvc.perform(post("/centre/sites/" + site.id() + "/contact").with(csrf()).with(user(mgr))
                        .param("phone", "09 123 45 67").param("email", "gent@centrum.example").param("from1", "09:00")
                        .param("until1", "17:00").param("from3", "13:00").param("until3", "20:00"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        CareerCentres.Site saved = centres.sites(centre).stream().filter(s -> s.id().equals(site.id())).findFirst().orElseThrow();
        assertThat(saved.phone()).isEqualTo("09 123 45 67");
        assertThat(saved.openingHours().stored()).isEqualTo("1 09:00-17:00;3 13:00-20:00");

        // another centre's manager cannot touch it
        UUID other = robot.activeCentres().get(4).id();
        int status = mvc.perform(post("/centre/sites/" + site.id() + "/contact").with(csrf()).with(user(manager(other)))
                        .param("phone", "09 999 99 99"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);

        String profile = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/loopbaancentra/" + centre + "?place=Gent&radiusKm=20&text=burn-out&lang=fr"))
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("href=\"tel:091234567\"").contains("gent@centrum.example").contains("lundi 09:00–17:00")
                .contains("mercredi 13:00–20:00")
                .contains("href=\"/loopbaancentra?place=Gent&amp;radiusKm=20&amp;text=burn-out\"");
    }
}
