package io.github.exchangecompliance.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the import tells the administrator: what it wrote, what the exports lacked, and what it could not map. */
public final class ImportSummary {

    private static final String PREFIX = "Exchange compliance: ";

    private ImportSummary() {}

    public static List<String> lines(LiveExports live, Collection<String> written, Path directory) {
        List<String> lines = new ArrayList<>();
        List<LiveServer> servers = live.servers();
        lines.add(PREFIX + "imported " + count(servers.size(), "server") + " ("
                + String.join(", ", servers.stream().map(s -> s.name.value()).toList()) + "), "
                + count(live.sendConnectors().size(), "send connector") + " and "
                + count(live.certificates().size(), "Exchange certificate") + ": " + count(written.size(), "file")
                + " in " + directory);
        if (live.organizationName().isEmpty()) {
            lines.add(PREFIX + "the exports hold no Get-OrganizationConfig: organization.yaml is named "
                    + "'organization' and declares no mitigationsEnabled");
        }
        live.hybrid().map(LiveExports.LiveHybrid::transportServers).orElse(List.of()).stream()
                .filter(name -> !live.hybridServersListed().contains(name))
                .forEach(name -> lines.add(PREFIX + "the hybrid configuration names the transport server "
                        + name.value() + ", which no export of Get-ExchangeServer lists: it is not among "
                        + "hybrid.mailFlowServers; export that server too and import again"));
        live.hybrid()
                .map(LiveExports.LiveHybrid::tlsCertificateName)
                .filter(name -> ImportWriter.hybridCertificate(name, live.certificates())
                        .isEmpty())
                .ifPresent(name -> lines.add(PREFIX + "the hybrid configuration names the certificate "
                        + name.value() + ", which no exported Exchange certificate is; export Get-ExchangeCertificate "
                        + "of the hybrid servers and import again, or add the certificate to organization.yaml"));
        for (LiveServer server : servers) {
            List<String> lacking = new ArrayList<>();
            if (!server.listed) {
                lacking.add("no Get-ExchangeServer entry (named only by another export)");
            }
            if (server.registry.isEmpty()
                    && !server.roles.stream().anyMatch(r -> r.value().equals("Edge"))) {
                lacking.add("no TLS settings");
            }
            if (server.operatingSystem == null) {
                lacking.add("no operating system");
            }
            if (server.winHttpProxy == null) {
                lacking.add("no WinHTTP proxy");
            }
            if (!lacking.isEmpty()) {
                lines.add(PREFIX + server.name.value() + ": the exports hold " + String.join(", ", lacking)
                        + "; its file declares none of that");
            }
        }
        lines.add(PREFIX + "review the files, commit them, then run: mvn exchange-compliance:check");
        return lines;
    }

    /** How many types of unmapped objects are named one a line; the rest are counted in one more. */
    static final int MOST_TYPES_LISTED = 20;

    /**
     * One line for each type of object no mapping knows, the most frequent first (then by name, so a run prints the
     * same lines each time); past {@link #MOST_TYPES_LISTED} types, one line counts the rest.
     */
    public static List<String> unmapped(LiveExports live) {
        List<Map.Entry<String, Integer>> types = new ArrayList<>(new TreeMap<>(live.unmapped()).entrySet());
        types.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> type : types.subList(0, Math.min(MOST_TYPES_LISTED, types.size()))) {
            lines.add(PREFIX + "not mapped: " + count(type.getValue(), "object") + " of " + type.getKey());
        }
        if (types.size() > MOST_TYPES_LISTED) {
            int objects = types.subList(MOST_TYPES_LISTED, types.size()).stream()
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            lines.add(PREFIX + "not mapped: " + count(objects, "object") + " of "
                    + count(types.size() - MOST_TYPES_LISTED, "other type"));
        }
        return lines;
    }

    /** The files that are not CliXml, in one line: how many, and the first few. */
    public static List<String> notExports(List<java.nio.file.Path> others) {
        if (others.isEmpty()) {
            return List.of();
        }
        List<String> named =
                others.stream().limit(3).map(java.nio.file.Path::toString).toList();
        return List.of(PREFIX + count(others.size(), "file") + " that " + (others.size() == 1 ? "is" : "are")
                + " not Export-Clixml left out: " + String.join(", ", named)
                + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : ""));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
