package be.werkregie.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The main menu of a signed-in user (or of a visitor): the label's message key and the page, per role. Built once per
 * request in Java instead of a dozen role checks in the page template (they were a measurable part of every page's
 * rendering); the header shows it as a menu that collapses on a phone ({@code fragments.html}, {@code app.js}).
 * A new module adds its entries here.
 */
public final class Navigation {

    /** One menu entry: the message key of its label and its address. */
    public record Item(String label, String href) {}

    private Navigation() {}

    public static List<Item> itemsFor(CurrentUser me) {
        List<Item> items = new ArrayList<>();
        if (me != null) {
            OrganisationKind kind = me.organisationKind();
            if (me.has(Role.CITIZEN)) {
                items.add(new Item("nav.myFile", "/me"));
                items.add(new Item("nav.inbox", "/me/messages"));
                items.add(new Item("nav.whoViewed", "/me/views"));
                items.add(new Item("nav.vouchers", "/me/vouchers"));
                items.add(new Item("nav.myGuidance", "/me/guidance"));
            } else {
                items.add(new Item("nav.home", "/home"));
            }
            if (me.has(Role.MEDIATOR)) {
                items.add(new Item("nav.guidanceMediator", "/guidance/mediator"));
            }
            if (kind == OrganisationKind.PARTNER) {
                items.add(new Item("nav.partnerTrajectories", "/partner/trajectories"));
            }
            if (kind == OrganisationKind.CAREER_CENTRE) {
                items.add(new Item("nav.centreVouchers", "/centre/vouchers"));
                items.add(new Item("nav.sanctions", "/centre/sanctions"));
                items.add(new Item("nav.centreProfile", "/centre/profile"));
            }
            if (me.has(Role.ADMINISTRATOR)) {
                items.add(new Item("nav.voucherAdmin", "/vouchers/admin"));
                items.add(new Item("nav.misuse", "/vouchers/admin/misuse"));
                items.add(new Item("nav.guidanceAdmin", "/guidance/admin"));
                items.add(new Item("policy.title", "/policy"));
            }
            if (me.hasAny(Role.ANALYST, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.chance", "/chance"));
            }
            if (me.hasAny(Role.CAMPUS_MANAGER, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.campusManage", "/campus/manage"));
            }
            if (me.hasAny(Role.CAMPUS_MANAGER, Role.MEDIATOR, Role.PARTNER_STAFF, Role.PARTNER_MANAGER, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.campus", "/campus"));
            }
            if (me.has(Role.SOCIAL_WORKER)) {
                items.add(new Item("nav.myClients", "/clients"));
            }
            if (me.hasAny(Role.MEDIATOR, Role.PARTNER_STAFF, Role.SOCIAL_WORKER, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.search", "/people"));
            }
            if (me.hasAny(Role.MEDIATOR, Role.SOCIAL_WORKER, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.newPerson", "/people/new"));
            }
            if (me.hasAny(Role.MEDIATOR, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.messages", "/messages"));
            }
            if (me.hasAny(Role.SOCIAL_WORKER, Role.MEDIATOR, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.referrals", "/cooperation/referrals"));
            }
            if (me.hasAny(Role.LOCAL_GOVERNMENT, Role.PARTNER_MANAGER, Role.ADMINISTRATOR)) {
                items.add(new Item("nav.agreements", "/cooperation/agreements"));
            }
        }
        items.add(new Item("nav.searchCentres", "/loopbaancentra"));
        items.add(new Item("nav.landing", "/begeleiding"));
        items.add(new Item("nav.campusAgenda", "/loopbaancampus"));
        items.add(new Item("nav.localFigures", "/samenwerking"));
        items.add(new Item("nav.geo", "/geo"));
        if (me == null) {
            items.add(new Item("nav.login", "/login"));
        }
        return List.copyOf(items);
    }
}
