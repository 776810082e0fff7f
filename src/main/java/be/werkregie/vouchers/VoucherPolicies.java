package be.werkregie.vouchers;

import static be.werkregie.policy.PolicyDefinition.decimal;
import static be.werkregie.policy.PolicyDefinition.integer;
import static be.werkregie.policy.PolicyDefinition.since;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The career vouchers' dated policy values; application.yml (VoucherSettings) seeds their defaults. */
@Component
class VoucherPolicies implements PolicyCatalogue {

    static final String TARIFF = "vouchers.tariff.hourly-excl-vat";
    static final String VAT = "vouchers.vat-rate";
    static final String CONTRIBUTION = "vouchers.contribution";
    static final String VALIDITY_WEEKS = "vouchers.validity-weeks";
    static final String MANDATE_YEARS = "vouchers.mandate-years";
    static final String MANDATE_EXPERIENCE = "vouchers.mandate-min-experience-years";

    private final VoucherSettings settings;

    VoucherPolicies(VoucherSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        LocalDate start = settings.schemeStart();
        return List.of(
                decimal(TARIFF, true, "0", "1000", "Hourly price of career guidance, excl. VAT (EUR)",
                        settings.tariffs().stream().map(t -> new PolicyDefinition.Dated(t.effectiveFrom(), t.hourlyExclVat().toPlainString()))
                                .toList()),
                decimal(VAT, true, "0", "1", "VAT rate for VAT-liable centres", since(start, settings.vatRate().toPlainString())),
                decimal(CONTRIBUTION, true, "0", "500", "The citizen's contribution per voucher (EUR)",
                        since(start, settings.contribution().toPlainString())),
                integer(VALIDITY_WEEKS, false, 1, 104, "Weeks a voucher stays valid to be handed to a centre",
                        since(start, settings.validityWeeks())),
                integer(MANDATE_YEARS, false, 1, 20, "Length of a centre's mandate (years)", since(start, 6)),
                integer(MANDATE_EXPERIENCE, false, 0, 50, "Minimum years of experience to apply for a mandate", since(start, 3)));
    }
}
