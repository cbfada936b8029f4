package io.dayuan.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the client that sent a request, as a rate limit must see it: the connection's peer, unless the peer
 * is a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}); then {@code X-Forwarded-For} is read from the
 * right, each hop appended by a trusted proxy is passed over, and the first address not trusted is the client. The
 * left part of the header is whatever the client wrote and is never believed. A malformed hop ends the walk at the
 * last trusted proxy, so a client cannot hide behind garbage.
 * <p>
 * Quarkus's own proxy-address-forwarding takes the left-most address (and stops answering a request whose header is
 * empty), so it is off and this is the one place the header is read.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Network> trusted;

    @Inject
    ClientAddress(QuarkusSettings quarkus) {
        this(quarkus.http().proxy().trustedProxies());
    }

    ClientAddress(Optional<List<String>> trustedProxies) {
        this.trusted = trustedProxies.orElse(List.of()).stream().map(Network::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client behind {@code peer}, given the X-Forwarded-For headers in the order they were received. */
    String of(String peer, List<String> forwardedFor) {
        Optional<InetAddress> current = address(peer);
        if (current.isEmpty()) {
            return "unknown";
        }
        List<String> hops = forwardedFor.stream().flatMap(header -> List.of(header.split(",", -1)).stream())
                .map(String::trim).toList();
        for (int i = hops.size() - 1; i >= 0 && isTrusted(current.get()); i--) {
            Optional<InetAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            current = hop;
        }
        return current.get().getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    /** A literal IPv4 or IPv6 address ({@code [v6]:port} and {@code v4:port} too); never a DNS lookup. */
    static Optional<InetAddress> address(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String literal = text;
        if (literal.startsWith("[") && literal.indexOf(']') > 0) {
            literal = literal.substring(1, literal.indexOf(']'));
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            literal = literal.substring(0, literal.indexOf(':'));
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (v4 ? Pattern.compile("\\.").splitAsStream(literal).anyMatch(octet -> Integer.parseInt(octet) > 255)
                : !IPV6.matcher(literal).matches()) {
            return Optional.empty(); // (InetAddress would look a non-literal up in the DNS)
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or CIDR block of {@code trusted-proxies}. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String text) {
            String[] parts = text.trim().split("/", 2);
            InetAddress address = address(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + text));
            byte[] bytes = address.getAddress();
            return new Network(bytes, parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8);
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((other[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
