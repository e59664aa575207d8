package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.ExchangeSupport;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX4002",
        name = "unsupported-version",
        severity = Severity.WARNING,
        summary = "An Exchange version or cumulative update, or an operating system, that Microsoft no longer "
                + "supports for it.",
        description = "An unsupported server gets no security updates, TLS guidance or mitigations. Exchange 2013 "
                + "left support on 2023-04-11, Exchange 2016 and 2019 on 2025-10-14; an Extended Security Update "
                + "build is not counted as supported. Exchange SE follows the Modern Lifecycle Policy: the latest "
                + "cumulative update and the one before it are supported. Windows Server: 2013 on 2008 R2 SP1, 2012 "
                + "and 2012 R2; 2016 on 2012, 2012 R2 and 2016; 2019 on 2019, on 2022 from CU12 and on 2025 from "
                + "CU15; SE on 2019, 2022 and 2025 (taken as 2019 CU15's). Judged at referenceDate.",
        needs = {ServerFact.VERSION},
        sources = {
            "https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates",
            "https://learn.microsoft.com/exchange/plan-and-deploy/supportability-matrix"
        })
public final class UnsupportedVersion implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        RuleContext context = inspection.context();
        ExchangeVersions table = ExchangeVersions.bundled();
        for (Server server : model.servers()) {
            Value<String> written = server.spec().version();
            Optional<ExchangeVersion> version = written == null ? Optional.empty() : table.place(written.value());
            if (version.isEmpty()) {
                continue;
            }
            String runs = server.displayName() + " runs " + version.get().label();
            ExchangeSupport.unsupported(version.get(), context.referenceDate(), table)
                    .ifPresent(why -> out.report(
                            written.location(),
                            runs + ": at " + context.referenceDate() + ", " + why
                                    + "; update it (Exchange SE is the supported release)"));
            Value<String> os = server.spec().operatingSystem();
            if (os != null) {
                ExchangeSupport.unsupportedOn(version.get(), os.value())
                        .ifPresent(why -> out.report(
                                os.location(),
                                runs + " on " + os.value().replace("WindowsServer", "Windows Server ") + ": " + why));
            }
        }
    }
}
