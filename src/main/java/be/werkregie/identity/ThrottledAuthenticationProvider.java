package be.werkregie.identity;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in (form and HTTP Basic) through the {@link LoginThrottle}: locked subjects are refused first. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var locked = throttle.lockedUntil(username, ip);
        if (locked.isPresent()) {
            throw new LockedException("locked until " + locked.get().atZoneSameInstant(ZoneId.of("Europe/Brussels"))
                    .format(DateTimeFormatter.ofPattern("HH:mm")));
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, ip);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, ip);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
