package io.github.exchangecompliance.hybrid;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.exchangecompliance.model.Readings;
import io.github.exchangecompliance.model.Value;
import java.util.Optional;

/**
 * A receive connector binding, {@code address:port}: {@code 0.0.0.0:25}, {@code [::]:25},
 * {@code 192.168.1.10:2525}.
 */
public record Binding(Value<String> written, IPAddress address, int port) {

    /** Reads a binding; empty when it is not an address and a port. */
    public static Optional<Binding> parse(Value<String> written) {
        return READINGS.of(written.value().strip()).map(b -> new Binding(written, b.address(), b.port()));
    }

    private static final Readings<Optional<Binding>> READINGS = new Readings<>(Binding::read);

    /** The address and port of a text, with no one's location: {@link #parse} puts the writer's back. */
    private static Optional<Binding> read(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return Optional.empty();
        }
        IPAddress address = host.isBlank() ? null : new IPAddressString(host).getAddress();
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return address == null || address.isPrefixed() || port < 1 || port > 65535
                    ? Optional.empty()
                    : Optional.of(new Binding(null, address, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The same local address and port, whatever the spelling ({@code [::]:25} and {@code [0:0::0]:25}). */
    public String identity() {
        return address.toCanonicalString() + ":" + port;
    }
}
