package com.echamado.platform.security;

import java.net.URI;

/**
 * The origin ({@code scheme://host[:port]}) of the configured public URL ({@code ECHAMADO_PUBLIC_URL}, else the
 * issuer); empty when neither is set ({@code local}).
 */
record PublicOrigin(String value) {

    static PublicOrigin of(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return new PublicOrigin("");
        }
        URI uri = URI.create(publicUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
            throw new IllegalArgumentException("ECHAMADO_PUBLIC_URL must be an absolute http(s) URL: " + publicUrl);
        }
        return new PublicOrigin(origin(uri));
    }

    boolean isSet() {
        return !value.isEmpty();
    }

    /** The origin of an absolute URI, its port only when it is not the scheme's default. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
