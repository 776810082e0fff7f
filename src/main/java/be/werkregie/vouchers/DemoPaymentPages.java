package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The payment page of the demo payment provider (what a real provider shows on its own site): the amount, to whom
 * and for what, and "pay" or "cancel". Only the citizen whose voucher it is sees it; it sends them back only to the
 * platform's own receipt page (never to an address taken from the request as is).
 */
@Controller
class DemoPaymentPages {

    private final DemoPaymentProvider provider;
    private final Vouchers vouchers;

    DemoPaymentPages(DemoPaymentProvider provider, Vouchers vouchers) {
        this.provider = provider;
        this.vouchers = vouchers;
    }

    @GetMapping("/pay/demo/{reference}")
    String page(@PathVariable String reference, Model model) {
        DemoPaymentProvider.Checkout c = own(reference);
        model.addAttribute("checkout", c);
        model.addAttribute("returnPath", returnPath(c));
        return "vouchers/demo-pay";
    }

    @PostMapping("/pay/demo/{reference}")
    String pay(@PathVariable String reference, @RequestParam(defaultValue = "") String action) {
        DemoPaymentProvider.Checkout c = own(reference);
        if ("pay".equals(action)) {
            provider.pay(reference);
            return "redirect:" + returnPath(c);
        }
        return "redirect:/me/vouchers#voucher-" + c.voucherId();
    }

    private DemoPaymentProvider.Checkout own(String reference) {
        CurrentUser me = CurrentUser.get();
        DemoPaymentProvider.Checkout c = provider.find(reference).orElseThrow(() -> new NotFoundException("payment"));
        vouchers.find(c.voucherId()).filter(v -> v.personId().equals(me.personId())).orElseThrow(() -> new NotFoundException("payment"));
        return c;
    }

    private static String returnPath(DemoPaymentProvider.Checkout c) {
        return "/me/vouchers/" + c.voucherId() + "/receipt";
    }
}
