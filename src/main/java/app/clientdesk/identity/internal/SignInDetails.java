package app.clientdesk.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What the sign-in form's request says besides the password: its address and the browser's device token. */
class SignInDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient @Nullable String deviceToken;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.deviceToken = KnownDevices.token(request);
    }

    @Nullable String deviceToken() {
        return deviceToken;
    }
}
