package be.werkregie.vouchers;

/** The person has no right to a voucher today; the result explains why and, if known, from when. */
public class VoucherRefusedException extends RuntimeException {

    private final Eligibility.Result result;

    public VoucherRefusedException(Eligibility.Result result) {
        super("Not eligible: " + result.refusals());
        this.result = result;
    }

    public Eligibility.Result result() {
        return result;
    }
}
