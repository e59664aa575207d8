package io.github.exchangecompliance.live;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One server as its exports describe it. */
public final class LiveServer {
    /** As Get-ExchangeServer names it, else as the first export that named it (short, without its domain). */
    public Value<String> name;

    public Value<String> fqdn;
    public Value<String> version;
    public final List<Value<String>> roles = new ArrayList<>();
    public Value<String> operatingSystem;
    public Value<String> internetWebProxy;
    public Value<String> winHttpProxy;
    public Value<Boolean> mitigationsEnabled;
    public final List<ReceiveConnector> receiveConnectors = new ArrayList<>();
    public final Registry registry = new Registry();
    public final List<String> certificates = new ArrayList<>();
    /** The registry values the exports looked at, set or not ("key\\name", lower case), and where. */
    public final Map<String, Location> registryLooked = new java.util.HashMap<>();
    /** True when Get-ExchangeServer listed it, not only another export naming it. */
    public boolean listed;

    public final Location location;

    LiveServer(Value<String> name, Location location) {
        this.name = name;
        this.location = location;
    }

    /** A server's name without its domain: {@code ex01.contoso.com} is {@code ex01}; a name starting with a dot stays. */
    public static String shortName(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
