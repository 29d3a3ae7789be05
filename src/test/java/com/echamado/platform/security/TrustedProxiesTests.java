package com.echamado.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.0/8", "::1", "10.42.0.0/16"));

    @Test
    void trustsOnlyAddressesInsideTheConfiguredRanges() {
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("10.42.7.9")).isTrue();
        assertThat(proxies.trusts("10.43.0.1")).isFalse();
        assertThat(proxies.trusts("::2")).isFalse();
        assertThat(proxies.trusts("localhost")).as("names are never resolved").isFalse();
        assertThat(proxies.trusts("127.0.0.256")).isFalse();
        assertThat(proxies.trusts("")).isFalse();
    }

    @Test
    void theClientIsTheRightMostHopThatIsNoTrustedProxy() {
        assertThat(proxies.clientHop(List.of("6.6.6.6", "192.0.2.1", "10.42.0.3")))
                .isEqualTo(1);
        assertThat(proxies.clientHop(List.of("192.0.2.1"))).isZero();
        assertThat(proxies.clientHop(List.of("10.42.0.9", "127.0.0.1")))
                .as("all trusted: the left-most")
                .isZero();
        assertThat(proxies.clientHop(List.of())).isEqualTo(-1);
    }

    @Test
    void aMadeUpRightMostHopFallsBackToTheProxyThatReportedIt() {
        assertThat(proxies.clientHop(List.of("192.0.2.1", "unknown")))
                .as("the direct peer")
                .isEqualTo(-1);
        assertThat(proxies.clientHop(List.of("192.0.2.1", "_hidden", "10.42.0.3")))
                .isEqualTo(2);
    }

    @Test
    void readsTheAddressOfAForwardedElement() {
        assertThat(ForwardedRequest.forNode("for=192.0.2.60;proto=http;by=203.0.113.43"))
                .isEqualTo("192.0.2.60");
        assertThat(ForwardedRequest.forNode("For=\"[2001:db8:cafe::17]:4711\"")).isEqualTo("2001:db8:cafe::17");
        assertThat(ForwardedRequest.forNode("proto=https;for=\"192.0.2.43:47011\""))
                .isEqualTo("192.0.2.43");
        assertThat(ForwardedRequest.forNode("proto=https")).isEmpty();
    }

    @Test
    void refusesARangeThatIsNoCidr() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
