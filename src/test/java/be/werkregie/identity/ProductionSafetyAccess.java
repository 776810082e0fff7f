package be.werkregie.identity;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Lets tests outside the package run the production-safety check as it runs outside demo mode. */
public final class ProductionSafetyAccess {

    private ProductionSafetyAccess() {}

    public static void check(Users users, PasswordEncoder passwords) {
        new ProductionSafety(users, passwords, false, "werkregie").check();
    }
}
