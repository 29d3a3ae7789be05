package com.echamado.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard on addresses written as literals (no DNS needed). */
class WebhookTargetsTests {

    final WebhookTargets targets = new WebhookTargets(List.of("hooks.internal", "*.corp.example", "[fd00::5]"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://127.8.9.10:8080/x",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://172.31.255.254/",
                "http://192.168.0.10/",
                "http://100.100.100.200/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fe80::1]/",
                "http://[fd12:3456::1]/",
                "http://[fc00::1]/",
                "http://[ff02::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://localhost/",
                "ftp://files.example.com/x",
                "file:///etc/passwd",
                "gopher://example.com/",
                "http:opaque"
            })
    void refusesInternalAddressesAndOtherSchemes(String url) {
        assertThat(targets.refusal(URI.create(url))).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.215.14/hooks",
                "http://8.8.8.8:8080/",
                "https://172.32.0.1/",
                "https://100.128.0.1/",
                "https://[2001:4860:4860::8888]/hook",
                "https://hooks.internal/x",
                "http://a.b.corp.example/x",
                "http://[fd00::5]/x",
                "https://does-not-resolve.invalid/hook"
            })
    void acceptsPublicAddressesAllowedHostsAndNamesThatDoNotResolveYet(String url) {
        assertThat(targets.refusal(URI.create(url))).as(url).isEmpty();
    }

    @Test
    void theReasonNamesTheKindOfAddressAndTheWayOut() throws Exception {
        assertThat(targets.refusal(URI.create("http://169.254.169.254/")))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("link-local", "ECHAMADO_WEBHOOK_ALLOWED_HOSTS"));
        assertThat(WebhookTargets.internalKind(InetAddress.getByName("192.168.1.1")))
                .hasValue("a private address");
    }

    @Test
    void withoutAnAllowListEvenLoopbackNamesAreRefused() {
        assertThat(new WebhookTargets(List.of()).refusal(URI.create("http://[fd00::5]/")))
                .isPresent();
        assertThat(new WebhookTargets((List<String>) null).refusal(URI.create("http://localhost:8080/")))
                .isPresent();
    }
}
