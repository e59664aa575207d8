package io.github.exchangecompliance.cert;

import io.github.exchangecompliance.model.BundledTable;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Server;
import java.util.List;
import java.util.Optional;

/**
 * The Emergency Mitigation Service: which servers run it, its endpoint, and the catalog of URLs its certificate
 * chain needs ({@code data/mitigation-endpoint.tsv}, with its sources and compilation date).
 */
public final class MitigationEndpoint {

    /** The HTTPS endpoint the service fetches mitigations from. */
    public static final String URL = "https://officeclient.microsoft.com/";
    /** Windows keeps the certificate trust list current from here; the service's chain needs it too. */
    public static final String TRUST_LIST = "http://ctldl.windowsupdate.com/";

    /** One URL of the catalog and what it is. */
    public record CatalogUrl(String url, String kind) {}

    private static final List<CatalogUrl> CATALOG = load();

    private MitigationEndpoint() {}

    /** The chain URLs of the built-in catalog (the endpoint itself excluded). */
    public static List<CatalogUrl> catalog() {
        return CATALOG.stream().filter(u -> !u.url().equals(URL)).toList();
    }

    /**
     * Mailbox servers (any server not declared Edge) of Exchange 2016 CU22, 2019 CU11, SE or later. A server
     * whose version is not declared or not known is not assumed to run the service.
     */
    public static boolean runsOn(Server server) {
        if (server.isEdge() || server.spec().version() == null) {
            return false;
        }
        Optional<ExchangeVersion> version =
                ExchangeVersions.bundled().place(server.spec().version().value());
        return version.map(v -> switch (v.product()) {
                    case "SE" -> true;
                    case "2019" -> v.updateNumber() >= 11;
                    case "2016" -> v.updateNumber() >= 22;
                    default -> false;
                })
                .orElse(false);
    }

    private static List<CatalogUrl> load() {
        return BundledTable.rows("mitigation-endpoint.tsv", false).stream()
                .map(cells -> new CatalogUrl(cells[0], cells[1]))
                .toList();
    }
}
