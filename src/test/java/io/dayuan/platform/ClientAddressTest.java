package io.dayuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which address a rate limit sees: plain JUnit, the rule alone. */
class ClientAddressTest {

    private final ClientAddress client = new ClientAddress(
            Optional.of(List.of("127.0.0.1", "::1", "10.0.0.0/8", "192.168.0.0/16")));

    @Test
    void aClientReachedDirectlyIsItsPeerWhateverItWrites() {
        assertThat(client.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(client.of("10.1.2.3", List.of("198.51.100.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(client.of("10.1.2.3", List.of("198.51.100.1, 203.0.113.7, 192.168.4.4")))
                .isEqualTo("203.0.113.7");
        // several headers are one list, in the order received
        assertThat(client.of("127.0.0.1", List.of("198.51.100.1", "203.0.113.7:4711"))).isEqualTo("203.0.113.7");
        assertThat(client.of("::1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aMalformedOrEmptyHopEndsTheWalkAtTheLastTrustedProxy() {
        assertThat(client.of("10.1.2.3", List.of(""))).isEqualTo("10.1.2.3");
        assertThat(client.of("10.1.2.3", List.of(","))).isEqualTo("10.1.2.3");
        assertThat(client.of("10.1.2.3", List.of("203.0.113.7, not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(client.of("10.1.2.3", List.of("1.2.3.999"))).isEqualTo("10.1.2.3");
        assertThat(client.of("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        assertThat(client.of("10.255.255.255", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(client.of("11.0.0.1", List.of("203.0.113.7"))).isEqualTo("11.0.0.1");
        assertThat(client.of("192.169.0.1", List.of("203.0.113.7"))).isEqualTo("192.169.0.1");
    }
}
