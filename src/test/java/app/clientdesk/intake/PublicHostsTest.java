package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PublicHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "169.254.169.254", "fe80::1", "10.0.0.5", "172.16.0.1",
        "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "::",
        "224.0.0.1", "ff02::1", "255.255.255.255", "fc00::1", "fd00:ec2::254", "fec0::1", "::ffff:127.0.0.1",
        "::ffff:169.254.169.254"})
    void localPrivateAndSpecialAddressesAreRefused(String literal) throws Exception {
        assertThat(PublicHosts.isPrivate(InetAddress.getByName(literal))).isTrue();
        assertThat(new PublicHosts(false).allows(literal)).isFalse();
        assertThat(new PublicHosts(true).allows(literal)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.0.2.10",
        "2001:4860:4860::8888"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(PublicHosts.isPrivate(InetAddress.getByName(literal))).isFalse();
        assertThat(new PublicHosts(false).allows(literal)).isTrue();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefused() {
        assertThat(new PublicHosts(false).allows("localhost")).isFalse();
    }

    /**
     * DNS rebinding: the name answered a public address when the form checked it, and a local one when the poller
     * connects. The socket checks the address it actually connects to, whatever the earlier check said.
     */
    @Test
    void theSocketRefusesAPrivateAddressAtConnectTimeAndNeverReachesIt() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            local.setSoTimeout(300);
            Socket socket = new PublicHosts(false).socketFactory().createSocket();

            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", local.getLocalPort()), 1000))
                    .isInstanceOf(PublicHosts.PrivateHostException.class);
            assertThatThrownBy(local::accept).isInstanceOf(SocketTimeoutException.class); // nobody knocked
        }
    }

    @Test
    void allowedPrivateHostsConnect() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new PublicHosts(true).socketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", local.getLocalPort()), 1000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void theReasonIsTheMostTellingCauseInTheChain() {
        // Angus wraps what went wrong in a ConnectException (SocketConnectException) inside a MessagingException.
        ConnectException wrappedRefusal = new ConnectException("Using socket factory");
        wrappedRefusal.initCause(new PublicHosts.PrivateHostException(InetAddress.getLoopbackAddress()));
        assertThat(ImapConnector.reason(new MessagingException("Couldn't connect", wrappedRefusal)))
                .isEqualTo("intake.test.privateHost");

        ConnectException wrappedTimeout = new ConnectException("connect timed out");
        wrappedTimeout.initCause(new SocketTimeoutException("connect timed out"));
        assertThat(ImapConnector.reason(new MessagingException("Couldn't connect", wrappedTimeout)))
                .isEqualTo("intake.test.timeout");

        assertThat(ImapConnector.reason(new MessagingException("x", new ConnectException("Connection refused"))))
                .isEqualTo("intake.test.refused");
        assertThat(ImapConnector.reason(new AuthenticationFailedException("[AUTH] banner text")))
                .isEqualTo("intake.test.authFailed");
        assertThat(ImapConnector.reason(new IllegalStateException("boom"))).isEqualTo("intake.test.other");
    }
}
