package be.werkregie.messaging;

import be.werkregie.identity.Organisations;
import be.werkregie.vouchers.VoucherClosed;
import be.werkregie.vouchers.VoucherIssued;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messaging reacts to the vouchers' events (vouchers do not call messaging): the issued voucher with its code and
 * validity, and the survey invitation when the guidance is closed. After commit, from the event publication registry;
 * idempotent per voucher.
 */
@Component
class VoucherNotifications {

    private final Messenger messenger;
    private final Organisations organisations;

    VoucherNotifications(Messenger messenger, Organisations organisations) {
        this.messenger = messenger;
        this.organisations = organisations;
    }

    @ApplicationModuleListener
    void on(VoucherIssued event) {
        messenger.send(event.personId(), "voucherIssued",
                new Object[] {event.code(), event.validUntil().format(DateTimeFormatter.ofPattern("d/M/yyyy")), event.hours()},
                "voucher-issued:" + event.voucherId());
    }

    @ApplicationModuleListener
    void on(VoucherClosed event) {
        String centre = event.centreId() == null ? "" : organisations.find(event.centreId()).map(o -> o.name()).orElse("");
        messenger.send(event.personId(), "voucherSurvey", new Object[] {centre}, "voucher-survey:" + event.voucherId());
    }
}
