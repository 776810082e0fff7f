package be.werkregie.vouchers;

import be.werkregie.shared.Money;
import java.util.UUID;

/**
 * Collects the citizen's personal contribution. The default implementation confirms the payment when the citizen
 * confirms on the platform (as for a payment at the desk); a real provider (e.g. a Payconiq or card acquirer) plugs in
 * here as another bean.
 */
public interface PaymentProvider {

    /** Starts a payment and returns the provider's reference. */
    String start(UUID voucherId, Money amount, String description);

    /** True when the provider reports the payment with this reference as paid. */
    boolean isPaid(String reference);
}
