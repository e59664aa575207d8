package io.github.exchangecompliance.egress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** A host and port something must reach; parsed from URLs and from netsh's {@code host:port}. */
public record Endpoint(String host, int port) {

    public Endpoint {
        host = host.toLowerCase(Locale.ROOT);
    }

    /** {@code http://host[:port]/...} or {@code https://...}; empty for any other form. */
    public static Optional<Endpoint> ofUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(new Endpoint(uri.getHost(), port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A proxy as netsh or Exchange take it: a URL, or {@code host:port} (port 80 when left out). */
    public static Optional<Endpoint> ofProxy(String text) {
        String value = text.strip();
        if (value.contains("://")) {
            return ofUrl(value);
        }
        if (value.isEmpty() || value.contains("=") || value.contains(";") || value.contains(" ")) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        try {
            return colon < 0
                    ? Optional.of(new Endpoint(value, 80))
                    : Optional.of(
                            new Endpoint(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
