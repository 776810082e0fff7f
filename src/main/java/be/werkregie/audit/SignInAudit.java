package be.werkregie.audit;

import be.werkregie.identity.SignInLockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes sign-in locks and unlocks to the audit trail, in the transaction that made them. */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(SignInLockChanged e) {
        audit.record(null, null, AuditTrail.Action.WRITE, "LOGIN", e.locked() ? "sign-in locked" : "sign-in unlocked",
                e.subject() + ": " + e.detail() + (e.byUsername() == null ? "" : " by " + e.byUsername()));
    }
}
