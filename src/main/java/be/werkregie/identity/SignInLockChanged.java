package be.werkregie.identity;

/** A sign-in was locked after too many failures, or an administrator lifted a lock (the audit trail records both). */
public record SignInLockChanged(String subject, boolean locked, String detail, String byUsername) {}
