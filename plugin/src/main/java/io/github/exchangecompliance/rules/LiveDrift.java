package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the engine when exports are given, from {@code live.Drift}: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0008",
        name = "live-drift",
        severity = Severity.WARNING,
        summary = "What the live servers have (their Export-Clixml exports, parameter exports) differs from what "
                + "the repository declares for them.",
        description = "With exports of the live servers given (parameter exports: a folder of Export-Clixml files, "
                + "each recognised by its content), the check compares them with the repository: each server's "
                + "Exchange build, operating system, internetWebProxy, WinHTTP proxy and mitigationsEnabled; each "
                + "registry value the exports hold (the SCHANNEL and .NET keys, read with Get-ItemProperty or in "
                + "HealthChecker's TLS settings; a value declared under a key the export read, and that the server "
                + "lacks, is not set there); each receive connector's "
                + "bindings, remote IP ranges, TLS certificate name and TLS domain capabilities; each send "
                + "connector's address spaces, smart hosts, source servers, TLS settings and "
                + "CloudServicesMailEnabled; the organization's mitigations and hybrid mail-flow servers; and "
                + "which certificates exist. A server, connector or certificate on one side only is a difference "
                + "too. Each difference is one finding at the line that declares the value, or at the server's "
                + "document when the repository is silent, naming both values and the export file and line. "
                + "What an export does not hold is not compared, and silence that means what the server has "
                + "(no WinHTTP proxy is direct; mitigations are on unless turned off) is no difference. Lists "
                + "compare as sets, names and domains without regard to case, a build by its cumulative update "
                + "(2019 CU14 is 15.2.1544.4). Either the servers drifted, and the repository is the intended "
                + "state to restore, or the repository is out of date, and the import goal writes it again. A "
                + "folder that holds no export, or exports that hold nothing compared, is one finding: the "
                + "check then compared nothing. A broken export is EX0001 at its line.",
        sources = {
            "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/export-clixml",
            "https://github.com/microsoft/CSS-Exchange/tree/main/Diagnostics/HealthChecker",
            "https://learn.microsoft.com/powershell/module/exchange/get-receiveconnector",
            "https://learn.microsoft.com/powershell/module/exchange/get-sendconnector"
        })
public final class LiveDrift implements InputRule {}
