package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1013",
        name = "tls-differs-between-servers",
        severity = Severity.ERROR,
        summary = "The servers do not all end up with the same TLS 1.0 to 1.2 and .NET settings, which Extended "
                + "Protection requires.",
        description = "Extended Protection needs the same TLS configuration on every Exchange server; "
                + "HealthChecker's Extended Protection prerequisites check groups the servers by their TLS 1.0, 1.1 "
                + "and 1.2 settings (Server and Client) and their .NET v4 SchUseStrongCrypto and "
                + "SystemDefaultTlsVersions (64-bit and Wow6432Node), TLS 1.3 left out, and reports 'Multiple TLS "
                + "differences have been detected ... Please ensure that all servers are running the same TLS "
                + "configuration'. One finding for the organization, at its document (else the first server's): "
                + "the servers grouped by setting, and the values that differ. Values are compared as HealthChecker "
                + "reads them (Enabled and DisabledByDefault 1 when not 0; the .NET values 1 only when 1), and a "
                + "value the repository does not declare counts as 'not declared' (the plugin does not assume what "
                + "the server has; EX1005 reports it too). Edge Transport servers are left out (Extended Protection "
                + "is not configured on them). An error when any server runs Exchange 2019 CU14 or later or SE, "
                + "where setup turns Extended Protection on by default; a warning otherwise.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-extended-protection",
            "https://microsoft.github.io/CSS-Exchange/Security/ExchangeExtendedProtectionManagement/"
        })
public final class TlsDiffersBetweenServers implements ModelRule {

    /** The sixteen values compared: the twenty Exchange needs pinned but for the .NET v2 keys. */
    private static final List<Tls.Pinned> COMPARED = Tls.PINNED.stream()
            .filter(p -> !p.net() || p.key().last().equals("v4.0.30319"))
            .toList();

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        Map<List<String>, List<Server>> bySetting = new LinkedHashMap<>();
        for (Server server : model.servers()) {
            if (!server.isEdge()) {
                bySetting
                        .computeIfAbsent(setting(server.spec().registry()), s -> new ArrayList<>())
                        .add(server);
            }
        }
        if (bySetting.size() < 2) {
            return;
        }
        List<List<String>> settings = List.copyOf(bySetting.keySet());
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < COMPARED.size(); i++) {
            int index = i;
            if (settings.stream().map(s -> s.get(index)).distinct().count() > 1) {
                differing.add(i);
            }
        }
        List<String> groups = new ArrayList<>();
        for (Map.Entry<List<String>, List<Server>> group : bySetting.entrySet()) {
            List<String> values = new ArrayList<>();
            for (int i : differing) {
                values.add(COMPARED.get(i).name() + " " + group.getKey().get(i));
            }
            List<Server> servers = group.getValue();
            groups.add(
                    String.join(", ", servers.stream().map(Server::displayName).toList())
                            + (servers.size() == 1 ? " has " : " have ")
                            + String.join(", ", values));
        }
        Optional<ExchangeVersion> onByDefault = model.servers().stream()
                .filter(s -> !s.isEdge() && s.spec().version() != null)
                .map(s -> ExchangeVersions.bundled().place(s.spec().version().value()))
                .flatMap(Optional::stream)
                .filter(TlsDiffersBetweenServers::extendedProtectionByDefault)
                .findFirst();
        Location at = model.organization()
                .map(Organization::location)
                .orElse(model.servers().get(0).location());
        out.report(
                onByDefault.isPresent() ? Severity.ERROR : Severity.WARNING,
                at,
                "the servers do not all have the same TLS settings, which Extended Protection requires"
                        + onByDefault
                                .map(v -> " (on by default from Exchange 2019 CU14; " + v.label() + " runs here)")
                                .orElse("")
                        + ": " + String.join("; ", groups) + "; make them the same on every server");
    }

    /** The sixteen values of a server as HealthChecker reads them, "not declared" where the repository is silent. */
    private static List<String> setting(Registry registry) {
        List<String> setting = new ArrayList<>(COMPARED.size());
        for (Tls.Pinned compared : COMPARED) {
            Optional<RegistryValue> value = registry.value(compared.key(), compared.value());
            if (value.isEmpty()) {
                setting.add("not declared");
            } else if (!value.get().isDword()) {
                setting.add(value.get().display());
            } else if (compared.net()) {
                setting.add(value.get().number() == 1 ? "1" : "0");
            } else {
                setting.add(value.get().number() != 0 ? "1" : "0");
            }
        }
        return List.copyOf(setting);
    }

    private static boolean extendedProtectionByDefault(ExchangeVersion version) {
        return version.isSubscriptionEdition() || ("2019".equals(version.product()) && version.updateNumber() >= 14);
    }
}
