package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.egress.EgressPaths;
import io.github.exchangecompliance.egress.Endpoint;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Server;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2001",
        name = "crl-endpoint-blocked",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "An HTTP URL (CRL distribution point, AIA issuer or OCSP responder) of a certificate chain a "
                + "server must validate is not reachable through its egress path.",
        description = "Windows checks the revocation of every certificate in a chain by fetching the URLs the "
                + "certificates name, over plain HTTP, through the WinHTTP proxy (netsh winhttp), not through "
                + "Exchange's InternetWebProxy. When outbound HTTP is blocked, the check fails: the Emergency "
                + "Mitigation Service logs Event 1008 ('The remote certificate is invalid according to the "
                + "validation procedure') and applies no mitigation, and hybrid TLS fails. One finding a place to "
                + "change: it stands at the egress rule or default that blocks, names every URL blocked there (with "
                + "the certificate that needs it, and its servers when not all of them do), the servers and the way "
                + "out, and the one change that unblocks them all: allow those hosts on port 80 there (or in the "
                + "WinHTTP proxy's rules). An egress rule with no valid action or port is the loader's EX0002 alone: what it "
                + "would decide is unknown, so the URLs it matches are not reported as blocked. Do not switch "
                + "revocation checking off instead (EX2002). Without a declared mitigation-endpoint chain, the "
                + "service's URLs come from a built-in catalog (Microsoft's CA details, compiled 2026-11-28).",
        sources = {
            "https://learn.microsoft.com/exchange/exchange-emergency-mitigation-service",
            "https://learn.microsoft.com/azure/security/fundamentals/azure-ca-details",
            "https://granikos.eu/exchange-emergency-mitigation-service-findings/"
        })
public final class CrlEndpointBlocked implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        EgressPaths paths = new EgressPaths(model.organization());
        BlockedEndpoints blocked = new BlockedEndpoints();
        // Servers mostly need the same URLs: each is read once.
        Map<String, Optional<Endpoint>> endpoints = new HashMap<>();
        for (Server server : model.servers()) {
            for (RevocationUrls.Needed needed : RevocationUrls.of(server, model)) {
                Endpoint endpoint =
                        endpoints.computeIfAbsent(needed.url(), Endpoint::ofUrl).orElse(null);
                if (endpoint == null) {
                    continue;
                }
                EgressPaths.Verdict verdict = paths.revocation(server, endpoint);
                if (verdict.blocked()) {
                    blocked.add(needed.url(), needed.kind() + " of " + needed.source(), verdict, server);
                }
            }
        }
        blocked.report(out);
    }
}
