package be.werkregie.guidance;

import be.werkregie.shared.Lifecycle;

/**
 * The life cycle of a result fee: the partner's word is a claim; the employment records (or an approved proof) verify
 * it; a rejected proof can be followed by another proof. Only a verified fee is payable.
 */
public enum ResultFeeStatus {
    CLAIMED, PROOF_SUBMITTED, VERIFIED, REJECTED;

    public static final Lifecycle<ResultFeeStatus> LIFECYCLE = Lifecycle.of(ResultFeeStatus.class)
            .from(CLAIMED, PROOF_SUBMITTED, VERIFIED)
            .from(PROOF_SUBMITTED, VERIFIED, REJECTED)
            .from(REJECTED, PROOF_SUBMITTED)
            .build();

    /** The states from which the fee can still be verified (the open claims), as an SQL array. */
    static String[] open() {
        return Lifecycle.names(LIFECYCLE.sources(VERIFIED));
    }

    /** The states in which a proof may be uploaded. */
    static String[] awaitingProof() {
        return Lifecycle.names(LIFECYCLE.sources(PROOF_SUBMITTED));
    }
}
