package io.github.exchangecompliance.hybrid;

import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which receive connector the Hybrid Configuration Wizard picks on a server. HCW asks for servers, not
 * connectors: among the connectors bound to TCP 25 (frontend or hub transport alike) it takes the first tier
 * that holds one, by RemoteIPRanges (RULES.md, from an Exchange MVP's observation in a five-forest enterprise;
 * no Microsoft document states it).
 */
public final class HcwChoice {

    /** The tiers, best first. */
    public enum Tier {
        BOTH_ALL(1, "its RemoteIPRanges are exactly IPv6-all and IPv4-all"),
        IPV4_ALL(2, "its RemoteIPRanges are exactly IPv4-all"),
        IPV6_ALL(3, "its RemoteIPRanges are exactly IPv6-all"),
        ONE_OF_EACH(4, "its RemoteIPRanges are one IPv6 and one IPv4 address or range"),
        SINGLE_IPV4(5, "its RemoteIPRanges are a single IPv4 address or range");

        private final int number;
        private final String reason;

        Tier(int number, String reason) {
            this.number = number;
            this.reason = reason;
        }

        public int number() {
            return number;
        }

        /** "tier 2: its RemoteIPRanges are exactly IPv4-all". */
        public String describe() {
            return "tier " + number() + ": " + reason;
        }
    }

    /** What HCW does on one server. */
    public sealed interface Choice permits Picked, Ambiguous, Impossible {}

    /** HCW configures this connector. */
    public record Picked(Connector connector, Tier tier) implements Choice {}

    /** Two or more connectors tie in the best tier that holds any. */
    public record Ambiguous(Tier tier, List<Connector> connectors) implements Choice {}

    /** No connector on port 25 falls in any tier. */
    public record Impossible(String why) implements Choice {}

    private HcwChoice() {}

    /**
     * A server's connectors, read. Each rule that asks reads them again: the texts they hold are read once
     * ({@link io.github.exchangecompliance.model.Readings}), and looking a whole connector up in a cache by its value
     * cost more than that (measured with 10,000 servers).
     */
    public static List<Connector> connectors(Server server) {
        return server.spec().connectorsOrEmpty().stream().map(Connector::of).toList();
    }

    public static Choice choose(Server server) {
        return choose(connectors(server));
    }

    public static Choice choose(List<Connector> connectors) {
        List<Connector> onPort25 =
                connectors.stream().filter(c -> c.listensOn(25)).toList();
        if (onPort25.isEmpty()) {
            return new Impossible("no receive connector is bound to port 25");
        }
        for (Tier tier : Tier.values()) {
            List<Connector> inTier = new ArrayList<>();
            for (Connector connector : onPort25) {
                if (tier(connector).filter(t -> t == tier).isPresent()) {
                    inTier.add(connector);
                }
            }
            if (inTier.size() == 1) {
                return new Picked(inTier.get(0), tier);
            }
            if (inTier.size() > 1) {
                return new Ambiguous(tier, inTier);
            }
        }
        return new Impossible("none of the connectors bound to port 25 ("
                + String.join(
                        ", ", onPort25.stream().map(c -> "'" + c.name() + "'").toList())
                + ") has RemoteIPRanges of a kind HCW picks (all addresses, one IPv6 and one IPv4, or one IPv4)");
    }

    /** The tier of a connector, when its remote ranges (all of them readable) fall in one. */
    public static Optional<Tier> tier(Connector connector) {
        List<AddressRange> ranges = connector.ranges();
        if (!connector.problems().isEmpty() || ranges.isEmpty()) {
            return Optional.empty();
        }
        long v4 = ranges.stream().filter(r -> !r.ipv6()).count();
        long v6 = ranges.stream().filter(AddressRange::ipv6).count();
        boolean v4All = ranges.stream().anyMatch(r -> !r.ipv6() && r.all());
        boolean v6All = ranges.stream().anyMatch(r -> r.ipv6() && r.all());
        if (v4 == 1 && v6 == 1 && v4All && v6All) {
            return Optional.of(Tier.BOTH_ALL);
        }
        if (v4 == 1 && v6 == 0 && v4All) {
            return Optional.of(Tier.IPV4_ALL);
        }
        if (v4 == 0 && v6 == 1 && v6All) {
            return Optional.of(Tier.IPV6_ALL);
        }
        if (v4 == 1 && v6 == 1 && !v4All && !v6All) {
            return Optional.of(Tier.ONE_OF_EACH);
        }
        if (v4 == 1 && v6 == 0) {
            return Optional.of(Tier.SINGLE_IPV4);
        }
        return Optional.empty();
    }

    /** Words for a connector's ranges in messages: "its RemoteIPRanges are ...". */
    public static String describe(Connector connector) {
        return tier(connector)
                .map(Tier::describe)
                .orElse("in no tier: its RemoteIPRanges are "
                        + connector.declared().remoteIPRanges().stream()
                                .map(v -> v.value())
                                .toList());
    }
}
