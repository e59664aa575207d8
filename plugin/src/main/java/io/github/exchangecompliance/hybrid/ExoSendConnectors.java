package io.github.exchangecompliance.hybrid;

import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Locale;

/**
 * The organization's send connectors to Exchange Online. The ones marked {@code hybrid: true} when any is; else,
 * as HealthChecker's ExoConnectorCheck finds them, those whose address space is {@code *.mail.onmicrosoft.com} (the
 * routing domain HCW writes, {@code smtp:contoso.mail.onmicrosoft.com;1}) or whose smart host is
 * {@code *.mail.protection.<cloud>} of the organization's cloud. A connector marked {@code hybrid: false} is the
 * repository saying it is not the hybrid one (a relay for applications, say), and is left out.
 */
public final class ExoSendConnectors {

    private static final String ROUTING_DOMAIN = ".mail.onmicrosoft.com";

    private ExoSendConnectors() {}

    public static List<SendConnector> of(InfraModel model, String environment) {
        List<SendConnector> all =
                model.organization().map(Organization::sendConnectors).orElse(List.of());
        List<SendConnector> marked =
                all.stream().filter(c -> isTrue(c.hybrid())).toList();
        if (!marked.isEmpty()) {
            return marked;
        }
        String cloud = "." + HybridServers.cloudDomain(environment);
        return all.stream()
                .filter(c -> c.hybrid() == null)
                .filter(c -> c.addressSpaces().stream()
                                .anyMatch(a -> domainOf(a.value()).endsWith(ROUTING_DOMAIN))
                        || c.smartHosts().stream().anyMatch(h -> host(h.value()).endsWith(cloud)))
                .toList();
    }

    /** The domain of an address space as Exchange writes it: {@code smtp:contoso.mail.onmicrosoft.com;1}. */
    static String domainOf(String addressSpace) {
        String text = addressSpace.strip();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            text = text.substring(colon + 1);
        }
        int cost = text.indexOf(';');
        return host(cost >= 0 ? text.substring(0, cost) : text);
    }

    private static String host(String text) {
        String host = text.strip().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean isTrue(Value<Boolean> value) {
        return value != null && Boolean.TRUE.equals(value.value());
    }
}
