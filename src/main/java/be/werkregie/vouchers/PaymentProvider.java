package be.werkregie.vouchers;

import be.werkregie.shared.Money;
import java.util.UUID;

/**
 * Collects the citizen's personal contribution through a payment service provider: the platform starts a checkout,
 * sends the citizen to the provider's payment page, and on return asks the provider whether it was paid — never the
 * browser's word. {@link DemoPaymentProvider} is the provider of the demo and the tests (a payment page and a receipt on
 * the platform itself); production plugs in a real provider (a card acquirer, Payconiq, ...) as a {@code @Primary} bean.
 */
public interface PaymentProvider {

    /** Starts a payment and returns the provider's reference. */
    String start(UUID voucherId, Money amount, String description);

    /** True when the provider reports the payment with this reference as paid. */
    boolean isPaid(String reference);

    /** Whether the provider knows this reference (a reference of another provider must be started again). */
    boolean knows(String reference);

    /** The provider's payment page for the reference, which sends the citizen back to {@code returnPath} afterwards. */
    String checkoutUrl(String reference, String returnPath);
}
