package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/** The owner-only mark is enforced by itself, without the handler or its service checking the role. */
class OwnerOnlyInterceptorTest {

    private final OwnerOnlyInterceptor interceptor = new OwnerOnlyInterceptor();

    static class Screens {
        @OwnerOnly
        void settings() {
        }

        void board() {
        }
    }

    @OwnerOnly
    static class Billing {
        void invoices() {
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMemberIsRefusedAMarkedHandlerOrAHandlerOfAMarkedController() throws Exception {
        signIn(false);
        assertThatThrownBy(() -> call(new Screens(), "settings")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> call(new Billing(), "invoices")).isInstanceOf(AccessDeniedException.class);
        assertThat(call(new Screens(), "board")).isTrue();
    }

    @Test
    void theOwnerPasses() throws Exception {
        signIn(true);
        assertThat(call(new Screens(), "settings")).isTrue();
        assertThat(call(new Billing(), "invoices")).isTrue();
    }

    @Test
    void nobodySignedInIsRefused() {
        assertThatThrownBy(() -> call(new Screens(), "settings")).isInstanceOf(AccessDeniedException.class);
    }

    private boolean call(Object controller, String method) throws Exception {
        HandlerMethod handler = new HandlerMethod(controller, controller.getClass().getDeclaredMethod(method));
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler);
    }

    private static void signIn(boolean owner) {
        Viewer viewer = new Viewer() {
            public String displayName() {
                return "Someone";
            }

            public String email() {
                return "someone@example.test";
            }

            public String workspaceName() {
                return "VA";
            }

            public Locale locale() {
                return Locale.ENGLISH;
            }

            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            public boolean isOwner() {
                return owner;
            }

            public boolean seesMoney() {
                return owner;
            }

            public boolean isClientContact() {
                return false;
            }
        };
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(viewer, null, List.of()));
    }
}
