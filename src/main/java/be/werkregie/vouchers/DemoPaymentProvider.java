package be.werkregie.vouchers;

import be.werkregie.shared.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo payment service provider: it keeps its checkouts in its own table and shows its payment page on
 * {@code /pay/demo/{reference}} ({@link DemoPaymentPages}), clearly marked as a demo, where the citizen pays or cancels.
 * Paying is a compare-and-set CREATED → PAID: paying twice (a double click, a retried request) pays once.
 */
@Component
class DemoPaymentProvider implements PaymentProvider {

    static final String PREFIX = "DEMO-";

    record Checkout(String reference, UUID voucherId, Money amount, String description, boolean paid, OffsetDateTime paidAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoPaymentProvider(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String start(UUID voucherId, Money amount, String description) {
        String reference = PREFIX + UUID.randomUUID();
        jdbc.sql("insert into vc_demo_checkout (reference, voucher_id, amount, description, created_at) values (?,?,?,?,?)")
                .params(reference, voucherId, amount.amount(), description, OffsetDateTime.now(clock)).update();
        return reference;
    }

    @Override
    public boolean isPaid(String reference) {
        return find(reference).map(Checkout::paid).orElse(false);
    }

    @Override
    public boolean knows(String reference) {
        return reference != null && find(reference).isPresent();
    }

    @Override
    public String checkoutUrl(String reference, String returnPath) {
        return "/pay/demo/" + reference + "?return=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8);
    }

    Optional<Checkout> find(String reference) {
        return jdbc.sql("select reference, voucher_id, amount, description, status, paid_at from vc_demo_checkout where reference = ?")
                .param(reference)
                .query((rs, i) -> new Checkout(rs.getString(1), rs.getObject(2, UUID.class), new Money(rs.getBigDecimal(3)),
                        rs.getString(4), "PAID".equals(rs.getString(5)), rs.getObject(6, OffsetDateTime.class)))
                .optional();
    }

    /** The citizen pays on the provider's page: once, whatever the number of clicks. */
    boolean pay(String reference) {
        return jdbc.sql("update vc_demo_checkout set status = 'PAID', paid_at = ? where reference = ? and status = 'CREATED'")
                .params(OffsetDateTime.now(clock), reference).update() == 1;
    }
}
