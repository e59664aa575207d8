package io.github.exchangecompliance.hybrid;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import io.github.exchangecompliance.model.Readings;
import io.github.exchangecompliance.model.Value;
import java.util.Optional;

/**
 * One entry of a receive connector's {@code RemoteIPRanges}: a single address, a range {@code a-b} or a CIDR
 * block, IPv4 or IPv6, as the IPAddress library reads them.
 *
 * @param all true when the range is every address of its family ({@code 0.0.0.0-255.255.255.255},
 *     {@code 0.0.0.0/0}, {@code ::-ffff:...}, {@code ::/0})
 */
public record AddressRange(Value<String> written, IPAddressSeqRange range, boolean ipv6, boolean all)
        implements ParsedRange {

    /** Reads an entry; a {@link ValueProblem} when it is not an address, a range or a block, or runs backwards. */
    public static ParsedRange parse(Value<String> written) {
        Reading reading = READINGS.of(written.value().strip());
        return reading.range() == null
                ? new ValueProblem(written, reading.problem())
                : new AddressRange(written, reading.range(), reading.ipv6(), reading.all());
    }

    /** What a text reads as, whoever wrote it: a range, or why it is none. */
    private record Reading(IPAddressSeqRange range, boolean ipv6, boolean all, String problem) {

        static Reading problem(String why) {
            return new Reading(null, false, false, why);
        }

        static Reading of(IPAddressSeqRange range) {
            boolean ipv6 = range.getLower().isIPv6();
            return new Reading(range, ipv6, range.equals(ipv6 ? EVERY_IPV6 : EVERY_IPV4), null);
        }
    }

    private static final Readings<Reading> READINGS = new Readings<>(AddressRange::read);

    private static Reading read(String text) {
        if (text.isEmpty()) {
            // The IPAddress library reads an empty string as the loopback address; Exchange does not.
            return Reading.problem("is empty");
        }
        if (text.contains("*")) {
            // The IPAddress library reads 10.0.0.* as a range; Exchange takes addresses, a-b ranges and CIDR only.
            return Reading.problem("is not an IP address, a range a-b or a CIDR block (Exchange takes no "
                    + "wildcards: write 10.0.0.0/24)");
        }
        int dash = text.indexOf('-');
        if (dash > 0) {
            Optional<IPAddress> low = address(text.substring(0, dash));
            Optional<IPAddress> high = address(text.substring(dash + 1));
            if (low.isPresent()
                    && high.isPresent()
                    && low.get().isIPv4() != high.get().isIPv4()) {
                return Reading.problem("is a range from an IPv4 to an IPv6 address");
            }
            if (low.isEmpty() || high.isEmpty()) {
                return Reading.problem("is not an IP address, a range a-b or a CIDR block");
            }
            if (low.get().compareTo(high.get()) > 0) {
                return Reading.problem("runs backwards (its first address is above its last)");
            }
            return Reading.of(low.get().spanWithRange(high.get()));
        }
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null || (!address.isIPv4() && !address.isIPv6())) {
            return Reading.problem("is not an IP address, a range a-b or a CIDR block");
        }
        IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
        return Reading.of(block.toSequentialRange());
    }

    private static final IPAddressSeqRange EVERY_IPV4 =
            new IPAddressString("0.0.0.0/0").getAddress().toSequentialRange();
    private static final IPAddressSeqRange EVERY_IPV6 =
            new IPAddressString("::/0").getAddress().toSequentialRange();

    private static Optional<IPAddress> address(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        IPAddress address = new IPAddressString(text.strip()).getAddress();
        return address == null || address.isPrefixed() || address.isMultiple()
                ? Optional.empty()
                : Optional.of(address);
    }

    public String family() {
        return ipv6 ? "IPv6" : "IPv4";
    }
}
