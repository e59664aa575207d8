package io.github.exchangecompliance.hybrid;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.model.Clouds;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hybrid mail-flow servers (those named in the Hybrid Configuration Wizard) and HCW's choice on each, and the
 * Microsoft 365 cloud whose mail the hybrid connector accepts.
 */
public final class HybridServers {

    /** A hybrid mail-flow server and what HCW does there. */
    public record HybridServer(Server server, HcwChoice.Choice choice) {
        public boolean picked() {
            return choice instanceof HcwChoice.Picked;
        }

        public Connector connector() {
            return ((HcwChoice.Picked) choice).connector();
        }
    }

    private HybridServers() {}

    /** The servers of {@code hybrid.mailFlowServers} that are declared, unless hybrid is declared disabled. */
    public static List<HybridServer> of(InfraModel model) {
        Organization.Hybrid hybrid =
                model.organization().map(Organization::hybrid).orElse(null);
        if (hybrid == null || (hybrid.enabled() != null && !hybrid.enabled().value())) {
            return List.of();
        }
        List<HybridServer> servers = new ArrayList<>();
        for (var name : hybrid.mailFlowServers()) {
            model.servers().stream()
                    .filter(s -> s.displayName().equalsIgnoreCase(name.value()))
                    .findFirst()
                    .ifPresent(s -> servers.add(new HybridServer(s, HcwChoice.choose(s))));
        }
        return servers;
    }

    /** The environment the build names, else the organization's, else Global. */
    public static String environment(InfraModel model, RuleContext context) {
        if (context.environment() != null) {
            return context.environment();
        }
        return model.organization()
                .map(Organization::environment)
                .map(v -> v.value())
                .orElse("Global");
    }

    /** The domain Exchange Online's hybrid mail comes from, by environment. */
    public static String cloudDomain(String environment) {
        return Clouds.hybridMailDomain(environment);
    }

    public static List<String> environments() {
        return Clouds.NAMES;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
