package app.clientdesk.intake;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import javax.net.SocketFactory;

/**
 * Which addresses the intake may connect to: public ones only, unless the admin allows private hosts
 * ({@code clientdesk.intake.allow-private-hosts}). Refused: loopback, link-local (cloud metadata at
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10), multicast, broadcast and
 * unspecified (0.0.0.0/8, ::). The form checks what the name resolves to; the socket checks again the very address
 * it connects to, so a name that resolves elsewhere a second time (DNS rebinding) is still refused.
 */
final class PublicHosts {

    private final boolean allowPrivate;

    PublicHosts(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    boolean allowPrivate() {
        return allowPrivate;
    }

    /**
     * Whether the host may be tried: false when a name resolves to (or a literal is) an address refused here. A name
     * that does not resolve passes: connecting says "not found" in words.
     */
    boolean allows(String host) {
        if (allowPrivate) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, shared address space
                    || (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255);
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local addresses, fc00::/7
        }
        return false;
    }

    /** Sockets that refuse, at connect time, an address refused here ({@link PrivateHostException}). */
    SocketFactory socketFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new CheckedSocket();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                    throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return connected(new InetSocketAddress(address, port));
            }

            private Socket connected(InetSocketAddress to) throws IOException {
                Socket socket = new CheckedSocket();
                socket.connect(to);
                return socket;
            }
        };
    }

    /** Raised when the address to connect to is refused; says which, for the log only. */
    static final class PrivateHostException extends IOException {
        PrivateHostException(InetAddress address) {
            super("Refused to connect to " + address.getHostAddress()
                    + ": not a public address (clientdesk.intake.allow-private-hosts is false)");
        }
    }

    private final class CheckedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress to) {
                if (to.isUnresolved()) {
                    throw new UnknownHostException(to.getHostString());
                }
                if (!allowPrivate && isPrivate(to.getAddress())) {
                    throw new PrivateHostException(to.getAddress());
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
