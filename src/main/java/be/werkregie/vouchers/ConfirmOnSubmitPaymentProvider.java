package be.werkregie.vouchers;

import be.werkregie.shared.Money;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** Default provider: the contribution counts as paid as soon as the citizen confirms it. */
@Component
@ConditionalOnMissingBean(value = PaymentProvider.class, ignored = ConfirmOnSubmitPaymentProvider.class)
class ConfirmOnSubmitPaymentProvider implements PaymentProvider {

    @Override
    public String start(UUID voucherId, Money amount, String description) {
        return "LOCAL-" + voucherId;
    }

    @Override
    public boolean isPaid(String reference) {
        return reference != null && reference.startsWith("LOCAL-");
    }
}
