package io.github.exchangecompliance.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PowerShell as administrators write it, and install media named as Microsoft names them. */
class PowerShellAndMediaTest {

    @Test
    void backtickContinuationsSemicolonsCommentsAndScriptBlocksSplitAsPowerShellDoes() {
        String script = """
                # Relay for the scanners
                New-ReceiveConnector -Name 'Relay; scanners' `
                    -Bindings 0.0.0.0:2525 `
                    -RemoteIPRanges 10.0.0.5,10.0.0.6; Set-ExchangeServer -Identity EX01 <# inline #> -InternetWebProxy http://proxy:8080
                if ($true) { Set-OrganizationConfig -MitigationsEnabled $false }
                """;
        assertThat(PowerShell.statements(script))
                .containsExactly(
                        "New-ReceiveConnector -Name 'Relay; scanners'  -Bindings 0.0.0.0:2525  -RemoteIPRanges 10.0.0.5,10.0.0.6",
                        "Set-ExchangeServer -Identity EX01  -InternetWebProxy http://proxy:8080",
                        "if ($true)",
                        "Set-OrganizationConfig -MitigationsEnabled $false");
    }

    @Test
    void aLiteralHashtableIsSplattedAndAnUnknownOneIsNamed() {
        List<PowerShell.Command> commands = PowerShell.commands("""
                $params = @{
                    Name = 'Relay'
                    Bindings = @('0.0.0.0:2525', '[::]:2525'); TransportRole = 'FrontendTransport'
                }
                New-ReceiveConnector @params -RemoteIPRanges 10.0.0.5
                Set-ReceiveConnector @fromElsewhere
                """);
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).words())
                .containsExactly(
                        "New-ReceiveConnector",
                        "-Name",
                        "'Relay'",
                        "-Bindings",
                        "@('0.0.0.0:2525', '[::]:2525')",
                        "-TransportRole",
                        "'FrontendTransport'",
                        "-RemoteIPRanges",
                        "10.0.0.5");
        assertThat(commands.get(0).unknownSplats()).isEmpty();
        assertThat(commands.get(1).unknownSplats()).containsExactly("@fromElsewhere");
    }

    @Test
    void installMediaNamesGiveTheProductAndUpdate() {
        assertThat(InstallMedia.named("C:\\ISO\\ExchangeServer2019-x64-CU14.ISO"))
                .hasValue("2019 CU14");
        assertThat(InstallMedia.named("/mnt/ExchangeServer2016-x64-cu23.iso")).hasValue("2016 CU23");
        assertThat(InstallMedia.named("D:\\ExchangeServerSE-x64.iso")).hasValue("SE RTM");
        assertThat(InstallMedia.named("mu_exchange_server_2019_cumulative_update_15_x64_dvd_1b2c3d4e.iso"))
                .hasValue("2019 CU15");
        assertThat(InstallMedia.named("C:\\Install\\ExchangeServer2019-x64-CU13\\setup.exe"))
                .hasValue("2019 CU13");
        assertThat(InstallMedia.named("C:\\Install\\ExchangeServer2019-x64-CU14.ISO.sha256"))
                .hasValue("2019 CU14");
        assertThat(InstallMedia.named("C:\\Install\\UcmaRuntimeSetup.exe")).isEmpty();
        assertThat(InstallMedia.named("exchange server 2019 notes.txt")).isEmpty();
    }

    @Test
    void anExchangeInstallIsNotPreparingActiveDirectory() {
        assertThat(ExchangeEvidence.why(
                        "setup.exe /m:install /r:mb /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF"))
                .hasValue("installs Exchange (its setup with /m:install)");
        assertThat(ExchangeEvidence.why("E:\\Setup.exe /PrepareAD /OrganizationName:Contoso "
                        + "/IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF"))
                .isEmpty();
        assertThat(ExchangeEvidence.why("Connect-ExchangeOnline; Get-ReceiveConnector"))
                .isEmpty();
        assertThat(ExchangeEvidence.why(
                        ". $env:ExchangeInstallPath\\bin\\RemoteExchange.ps1; Connect-ExchangeServer -auto"))
                .hasValue("loads the Exchange Management Shell (RemoteExchange.ps1)");
    }
}
