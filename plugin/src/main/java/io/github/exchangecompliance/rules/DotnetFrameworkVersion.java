package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.DotnetFramework;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX4003",
        name = "dotnet-framework-version",
        severity = Severity.ERROR,
        needs = {ServerFact.VERSION},
        summary = "A server's .NET Framework release is one its Exchange build does not support: an error when older, "
                + "a warning when newer than the build supports.",
        description = "Each Exchange cumulative update supports a few .NET Framework releases (Microsoft's Exchange "
                + "Server supportability matrix); setup refuses an older one, and a newer one than the build was "
                + "tested with is unsupported until a later cumulative update adds it (install the cumulative "
                + "update first, then the .NET Framework). The release is the server's dotnetFramework ('4.8.1'), "
                + "else the Release DWORD under HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full, read "
                + "as Microsoft's table of Release values says (528040 and above is 4.8, 533320 and above 4.8.1). "
                + "The matrix is a data file in the plugin with its sources and date: Learn lists current updates only, "
                + "so older ones follow Michel de Rooij's extended table; Exchange 2019 CU14 and CU15 are taken to "
                + "support 4.8 as well as 4.8.1 (4.8.1 does not exist for Windows Server 2019, which they support), "
                + "4.8.1 from 2019 CU13 on, and Exchange 2016 never 4.8.1. A server whose Exchange build is unknown, "
                + "or declares no release, is not judged.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/supportability-matrix",
            "https://learn.microsoft.com/dotnet/framework/migration-guide/how-to-determine-which-versions-are-installed",
            "https://eightwone.com/2017/12/21/upgrade-paths-for-cus-net/"
        })
public final class DotnetFrameworkVersion implements ServerRule {

    /** The release a server declares, and where. */
    private record Declared(String version, String written, Location location) {}

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        Optional<Declared> declared = declared(server);
        if (declared.isEmpty() || server.spec().version() == null) {
            return;
        }
        Optional<ExchangeVersion> exchange =
                ExchangeVersions.bundled().place(server.spec().version().value());
        List<String> supported = exchange.map(DotnetFramework::supportedBy).orElse(List.of());
        String version = declared.get().version();
        if (supported.isEmpty() || supported.contains(version)) {
            return;
        }
        String build = exchange.get().label();
        String supports = build + " supports (" + String.join(" and ", supported) + ")";
        String what =
                server.displayName() + " runs .NET Framework " + declared.get().written();
        if (DotnetFramework.compare(version, supported.get(supported.size() - 1)) > 0) {
            out.report(
                    Severity.WARNING,
                    declared.get().location(),
                    what + ", newer than " + supports + "; install a cumulative update that supports it, or stay on "
                            + supported.get(supported.size() - 1));
        } else {
            out.report(
                    Severity.ERROR,
                    declared.get().location(),
                    what + ", which " + build + " does not support (it supports " + String.join(" and ", supported)
                            + "); install .NET Framework " + supported.get(supported.size() - 1));
        }
    }

    private static Optional<Declared> declared(Server server) {
        Value<String> written = server.spec().dotnetFramework();
        if (written != null) {
            return Optional.of(
                    new Declared(written.value().strip(), written.value().strip(), written.location()));
        }
        Optional<RegistryValue> release = server.spec()
                .registry()
                .value(DotnetFramework.NDP_FULL, DotnetFramework.RELEASE)
                .filter(RegistryValue::isDword);
        return release.flatMap(r -> DotnetFramework.ofRelease(r.number())
                .map(v -> new Declared(v, v + " (Release " + r.text() + ")", r.location())));
    }
}
