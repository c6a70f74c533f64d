package app.clientdesk.identity.internal;

import app.clientdesk.identity.internal.AttemptLimits.Kind;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in, refused outright while the address has failed too often, or while the account has
 * and the browser is not one that signed in to it before ({@link KnownDevices}).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static class SignInThrottledException extends AuthenticationException {
        SignInThrottledException() {
            super("Too many failed sign-ins");
        }
    }

    private final AuthenticationProvider delegate;
    private final AttemptLimits limits;
    private final KnownDevices devices;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, AttemptLimits limits, KnownDevices devices) {
        this.delegate = delegate;
        this.limits = limits;
        this.devices = devices;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (limits.exhausted(Kind.SIGN_IN_ADDRESS, address)) {
            throw new SignInThrottledException();
        }
        boolean accountHeld = limits.exhausted(Kind.SIGN_IN_ACCOUNT, email);
        if (accountHeld && !(authentication.getDetails() instanceof SignInDetails details
                && devices.known(email, details.deviceToken()))) {
            throw new SignInThrottledException();
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (!accountHeld) {
                // A known browser's success does not hand the guesser a fresh set of tries.
                limits.clear(Kind.SIGN_IN_ACCOUNT, email);
            }
            return result;
        } catch (BadCredentialsException e) {
            limits.spend(Kind.SIGN_IN_ACCOUNT, email);
            limits.spend(Kind.SIGN_IN_ADDRESS, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
