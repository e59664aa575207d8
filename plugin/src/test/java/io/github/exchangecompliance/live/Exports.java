package io.github.exchangecompliance.live;

import io.github.exchangecompliance.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Exports of a small organization, written in the shape Export-Clixml gives (DOMAIN.md section 2.4): two Mailbox
 * servers of different versions and an Edge server, their receive connectors, the hybrid send connector, the
 * organization and hybrid configuration, a certificate with its issuers from the CA store, the operating systems, the
 * WinHTTP proxies, and HealthChecker's TLS objects of the two Mailbox servers. The files are
 * named for no cmdlet on purpose: the reader recognises them by what they hold.
 */
final class Exports {

    static final String HEAD = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n";

    private Exports() {}

    /** The subject of the Exchange certificate the exports hold (the test PKI's mail certificate). */
    static final String SUBJECT = "CN=mail.contoso.com, O=Contoso, C=US";

    /** The certificate's thumbprint, as Get-ExchangeCertificate gives it: the SHA-1 of its DER, upper-case hex. */
    static String thumbprint() throws IOException {
        try {
            return java.util.HexFormat.of()
                    .withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(chain().get(0)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the exports a.xml to f.xml into {@code dir}. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<byte[]> chain = chain();
        byte[] certificate = chain.get(0);
        String issuer = TestPki.ISSUING;
        String subject = SUBJECT;
        Files.writeString(dir.resolve("a.xml"), HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T><T>System.Object</T></TN>
                    <ToString>EX01</ToString>
                    <Props>
                      <S N="Name">EX01</S>
                      <S N="Fqdn">ex01.contoso.com</S>
                      <Obj N="AdminDisplayVersion" RefId="1"><TN RefId="1"><T>Microsoft.Exchange.Data.ServerVersion</T></TN><ToString>Version 15.2 (Build 1544.4)</ToString><Props><I32 N="Major">15</I32></Props></Obj>
                      <Obj N="ServerRole" RefId="2"><TN RefId="2"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole</T><T>System.Enum</T></TN><ToString>Mailbox</ToString><I32>54</I32></Obj>
                      <B N="IsEdgeServer">false</B>
                      <Nil N="InternetWebProxy" />
                      <B N="MitigationsEnabled">true</B>
                    </Props>
                  </Obj>
                  <Obj RefId="3">
                    <TNRef RefId="0" />
                    <ToString>EX02</ToString>
                    <Props>
                      <S N="Name">EX02</S>
                      <S N="Fqdn">ex02.contoso.com</S>
                      <Obj N="AdminDisplayVersion" RefId="4"><TNRef RefId="1" /><ToString>Version 15.2 (Build 2562.17)</ToString><Props /></Obj>
                      <Ref N="ServerRole" RefId="2" />
                      <B N="IsEdgeServer">false</B>
                      <Obj N="InternetWebProxy" RefId="5"><TN RefId="3"><T>System.Uri</T></TN><ToString>http://proxy.contoso.com:8080/</ToString><Props /></Obj>
                      <B N="MitigationsEnabled">true</B>
                    </Props>
                  </Obj>
                  <Obj RefId="6">
                    <TNRef RefId="0" />
                    <ToString>EDGE01</ToString>
                    <Props>
                      <S N="Name">EDGE01</S>
                      <S N="Fqdn">edge01.perimeter.contoso.com</S>
                      <Obj N="AdminDisplayVersion" RefId="7"><TNRef RefId="1" /><ToString>Version 15.2 (Build 1544.4)</ToString><Props /></Obj>
                      <Obj N="ServerRole" RefId="8"><TNRef RefId="2" /><ToString>Edge</ToString><I32>64</I32></Obj>
                      <B N="IsEdgeServer">true</B>
                    </Props>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("b.xml"),
                HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector</T><T>System.Object</T></TN>
                    <ToString>Default Frontend EX01</ToString>
                    <Props>
                      <S N="Name">Default Frontend EX01</S>
                      <S N="Identity">EX01\\Default Frontend EX01</S>
                      <Obj N="Server" RefId="1"><TN RefId="1"><T>Microsoft.Exchange.Data.Directory.ADObjectId</T></TN><ToString>EX01</ToString><Props /></Obj>
                      <Obj N="TransportRole" RefId="2"><TN RefId="2"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole</T></TN><ToString>FrontendTransport</ToString><I32>16384</I32></Obj>
                      <Obj N="Bindings" RefId="3"><TN RefId="3"><T>Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding]]</T></TN><LST><S>[::]:25</S><S>0.0.0.0:25</S></LST></Obj>
                      <Obj N="RemoteIPRanges" RefId="4"><TNRef RefId="3" /><LST><S>::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff</S><S>0.0.0.0-255.255.255.255</S></LST></Obj>
                      <Obj N="TlsCertificateName" RefId="5"><TN RefId="4"><T>Microsoft.Exchange.Data.SmtpX509Identifier</T></TN><ToString>%TLSNAME%</ToString><Props /></Obj>
                      <Obj N="TlsDomainCapabilities" RefId="6"><TNRef RefId="3" /><LST><S>mail.protection.outlook.com:AcceptCloudServicesMail</S></LST></Obj>
                      <S N="Fqdn">mail.contoso.com</S>
                    </Props>
                  </Obj>
                  <Obj RefId="7">
                    <TNRef RefId="0" />
                    <ToString>Default Frontend EX02</ToString>
                    <Props>
                      <S N="Name">Default Frontend EX02</S>
                      <S N="Identity">EX02\\Default Frontend EX02</S>
                      <Obj N="TransportRole" RefId="8"><TNRef RefId="2" /><ToString>FrontendTransport</ToString><I32>16384</I32></Obj>
                      <Obj N="Bindings" RefId="9"><TNRef RefId="3" /><LST><S>[::]:25</S><S>0.0.0.0:25</S></LST></Obj>
                      <Obj N="RemoteIPRanges" RefId="10"><TNRef RefId="3" /><LST><S>::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff</S><S>0.0.0.0-255.255.255.255</S></LST></Obj>
                      <Nil N="TlsCertificateName" />
                      <Obj N="TlsDomainCapabilities" RefId="11"><TNRef RefId="3" /><LST /></Obj>
                      <S N="Fqdn">ex02.contoso.com</S>
                    </Props>
                  </Obj>
                </Objs>
                """.replace("%TLSNAME%", escape("<I>" + issuer + "<S>" + subject)),
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("c.xml"),
                HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig</T><T>System.Object</T></TN>
                    <ToString>Outbound to Office 365 - 6f1c8a2e</ToString>
                    <Props>
                      <S N="Name">Outbound to Office 365 - 6f1c8a2e</S>
                      <Obj N="AddressSpaces" RefId="1"><TN RefId="1"><T>Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace]]</T></TN><LST><S>SMTP:contoso.mail.onmicrosoft.com;1</S></LST></Obj>
                      <Obj N="SmartHosts" RefId="2"><TNRef RefId="1" /><LST /></Obj>
                      <Obj N="SourceTransportServers" RefId="3"><TNRef RefId="1" /><LST><S>EX01</S></LST></Obj>
                      <Obj N="TlsAuthLevel" RefId="4"><TN RefId="2"><T>Microsoft.Exchange.Data.TlsAuthLevel</T><T>System.Enum</T></TN><ToString>DomainValidation</ToString><I32>4</I32></Obj>
                      <S N="TlsDomain">mail.protection.outlook.com</S>
                      <Obj N="TlsCertificateName" RefId="5"><TN RefId="3"><T>Microsoft.Exchange.Data.SmtpX509Identifier</T></TN><ToString>%TLSNAME%</ToString><Props /></Obj>
                      <B N="CloudServicesMailEnabled">true</B>
                      <B N="RequireTLS">true</B>
                      <B N="DNSRoutingEnabled">true</B>
                    </Props>
                  </Obj>
                  <Obj RefId="6">
                    <TN RefId="4"><T>Microsoft.Exchange.Data.Directory.Management.OrganizationConfig</T><T>System.Object</T></TN>
                    <ToString>Contoso</ToString>
                    <Props><S N="Name">Contoso</S><B N="MitigationsEnabled">true</B></Props>
                  </Obj>
                  <Obj RefId="7">
                    <TN RefId="5"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.HybridConfiguration</T><T>System.Object</T></TN>
                    <ToString>Hybrid Configuration</ToString>
                    <Props>
                      <Obj N="ReceivingTransportServers" RefId="8"><TNRef RefId="1" /><LST><S>EX01</S></LST></Obj>
                      <Obj N="SendingTransportServers" RefId="9"><TNRef RefId="1" /><LST><S>EX01</S><S>EX09</S></LST></Obj>
                      <Obj N="TlsCertificateName" RefId="10"><TNRef RefId="3" /><ToString>%TLSNAME%</ToString><Props /></Obj>
                    </Props>
                  </Obj>
                  <Obj RefId="11">
                    <TN RefId="6"><T>System.ServiceProcess.ServiceController</T></TN>
                    <ToString>MSExchangeMitigation</ToString>
                    <Props><S N="Name">MSExchangeMitigation</S></Props>
                  </Obj>
                </Objs>
                """.replace("%TLSNAME%", escape("<I>" + issuer + "<S>" + subject)),
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("d.xml"),
                HEAD
                        + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate</T><T>System.Object</T></TN>
                    <ToString>%THUMB%</ToString>
                    <Props>
                      <S N="Identity">ex01.contoso.com\\%THUMB%</S>
                      <S N="Thumbprint">%THUMB%</S>
                      <S N="Subject">%SUBJECT%</S>
                      <S N="Issuer">%ISSUER%</S>
                      <Obj N="Services" RefId="1"><TN RefId="1"><T>Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices</T></TN><ToString>IIS, SMTP</ToString><I32>6</I32></Obj>
                      <BA N="RawData">%RAW%</BA>
                      <B N="HasPrivateKey">true</B>
                    </Props>
                  </Obj>
                </Objs>
                """.replace("%THUMB%", thumbprint())
                                .replace("%SUBJECT%", escape(subject))
                                .replace("%ISSUER%", escape(issuer))
                                .replace("%RAW%", Base64.getEncoder().encodeToString(certificate)),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("e.xml"), HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>
                    <MS>
                      <S N="ComputerName">EX01</S>
                      <Obj N="Registry" RefId="1">
                        <TNRef RefId="0" />
                        <MS>
                          <Obj N="TLS" RefId="2">
                            <TN RefId="1"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>
                            <DCT>
                              <En><S N="Key">1.2</S><Obj N="Value" RefId="3"><TNRef RefId="0" /><MS><I32 N="ServerEnabledValue">1</I32><I32 N="ServerDisabledByDefaultValue">0</I32><I32 N="ClientEnabledValue">1</I32><I32 N="ClientDisabledByDefaultValue">0</I32></MS></Obj></En>
                              <En><S N="Key">1.0</S><Obj N="Value" RefId="4"><TNRef RefId="0" /><MS><I32 N="ServerEnabledValue">0</I32><I32 N="ServerDisabledByDefaultValue">1</I32><I32 N="ClientEnabledValue">-1</I32><Nil N="ClientDisabledByDefaultValue" /></MS></Obj></En>
                            </DCT>
                          </Obj>
                          <Obj N="NET" RefId="5">
                            <TNRef RefId="1" />
                            <DCT>
                              <En><S N="Key">NETv4</S><Obj N="Value" RefId="6"><TNRef RefId="0" /><MS><I32 N="SystemDefaultTlsVersionsValue">1</I32><I32 N="SchUseStrongCryptoValue">1</I32><I32 N="WowSystemDefaultTlsVersionsValue">1</I32><Nil N="WowSchUseStrongCryptoValue" /></MS></Obj></En>
                            </DCT>
                          </Obj>
                        </MS>
                      </Obj>
                      <S N="SecurityProtocol">SystemDefault</S>
                    </MS>
                  </Obj>
                  <Obj RefId="7">
                    <TNRef RefId="0" />
                    <MS>
                      <S N="PSComputerName">EX02</S>
                      <Obj N="Registry" RefId="8">
                        <TNRef RefId="0" />
                        <MS>
                          <Obj N="TLS" RefId="9">
                            <TNRef RefId="1" />
                            <DCT>
                              <En><S N="Key">1.2</S><Obj N="Value" RefId="10"><TNRef RefId="0" /><MS><I32 N="ServerEnabledValue">1</I32><I32 N="ServerDisabledByDefaultValue">0</I32><I32 N="ClientEnabledValue">1</I32><I32 N="ClientDisabledByDefaultValue">0</I32></MS></Obj></En>
                              <En><S N="Key">1.0</S><Obj N="Value" RefId="11"><TNRef RefId="0" /><MS><I32 N="ServerEnabledValue">0</I32><I32 N="ServerDisabledByDefaultValue">1</I32><I32 N="ClientEnabledValue">0</I32><I32 N="ClientDisabledByDefaultValue">1</I32></MS></Obj></En>
                            </DCT>
                          </Obj>
                          <Obj N="NET" RefId="12">
                            <TNRef RefId="1" />
                            <DCT>
                              <En><S N="Key">NETv4</S><Obj N="Value" RefId="13"><TNRef RefId="0" /><MS><I32 N="SystemDefaultTlsVersionsValue">1</I32><I32 N="SchUseStrongCryptoValue">1</I32><I32 N="WowSystemDefaultTlsVersionsValue">1</I32><I32 N="WowSchUseStrongCryptoValue">1</I32></MS></Obj></En>
                            </DCT>
                          </Obj>
                        </MS>
                      </Obj>
                    </MS>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("f.xml"),
                HEAD
                        + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_OperatingSystem</T><T>Microsoft.Management.Infrastructure.CimInstance#root/cimv2/CIM_OperatingSystem</T><T>Microsoft.Management.Infrastructure.CimInstance</T><T>System.Object</T></TN>
                    <ToString>Win32_OperatingSystem: Microsoft Windows Server 2019 Standard</ToString>
                    <Props>
                      <S N="Caption">Microsoft Windows Server 2019 Standard</S>
                      <S N="CSName">EX01</S>
                      <S N="Version">10.0.17763</S>
                    </Props>
                  </Obj>
                  <Obj RefId="1">
                    <TNRef RefId="0" />
                    <ToString>Win32_OperatingSystem: Microsoft Windows Server 2022 Datacenter</ToString>
                    <Props>
                      <S N="Caption">Microsoft Windows Server 2022 Datacenter</S>
                      <S N="CSName">EX02</S>
                    </Props>
                  </Obj>
                  <Obj RefId="2">
                    <TN RefId="1"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>
                    <MS>
                      <BA N="WinHttpSettings">%DIRECT%</BA>
                      <S N="PSComputerName">ex01.contoso.com</S>
                    </MS>
                  </Obj>
                  <Obj RefId="3">
                    <TNRef RefId="1" />
                    <MS>
                      <BA N="WinHttpSettings">%PROXY%</BA>
                      <S N="PSComputerName">EX02</S>
                    </MS>
                  </Obj>
                  <Obj RefId="4">
                    <TN RefId="2"><T>System.Security.Cryptography.X509Certificates.X509Certificate2</T><T>System.Security.Cryptography.X509Certificates.X509Certificate</T><T>System.Object</T></TN>
                    <ToString>[Subject]</ToString>
                    <Props>
                      <BA N="RawData">%ISSUING%</BA>
                      <S N="Subject">%ISSUING_NAME%</S>
                      <S N="Issuer">%ROOT_NAME%</S>
                    </Props>
                  </Obj>
                  <Obj RefId="5">
                    <TNRef RefId="2" />
                    <ToString>[Subject]</ToString>
                    <Props>
                      <BA N="RawData">%ROOT%</BA>
                      <S N="Subject">%ROOT_NAME%</S>
                      <S N="Issuer">%ROOT_NAME%</S>
                    </Props>
                  </Obj>
                </Objs>
                """.replace("%DIRECT%", Base64.getEncoder().encodeToString(winHttp("")))
                                .replace(
                                        "%PROXY%",
                                        Base64.getEncoder().encodeToString(winHttp("proxy.contoso.com:8080")))
                                .replace("%ISSUING%", Base64.getEncoder().encodeToString(chain.get(1)))
                                .replace("%ROOT%", Base64.getEncoder().encodeToString(chain.get(2)))
                                .replace("%ISSUING_NAME%", escape(TestPki.ISSUING))
                                .replace("%ROOT_NAME%", escape(TestPki.ROOT)),
                StandardCharsets.UTF_8);
    }

    /** The leaf, issuing CA and root of the test PKI's mail certificate, as DER. */
    static List<byte[]> chain() throws IOException {
        String pem = Files.readString(TestPki.directory().resolve("certs/mail-with-chain.pem"));
        List<byte[]> ders = new ArrayList<>();
        for (String block : pem.split("-----END CERTIFICATE-----")) {
            int begin = block.indexOf("-----BEGIN CERTIFICATE-----");
            if (begin >= 0) {
                ders.add(Base64.getMimeDecoder().decode(block.substring(begin + 27)));
            }
        }
        return ders;
    }

    /**
     * WinHttpSettings as netsh writes them: a version DWORD, a counter, the flags (1 direct, 3 with a proxy), the
     * proxy's length and text, the bypass list's length and text.
     */
    static byte[] winHttp(String proxy) {
        byte[] text = proxy.getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + text.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x28)
                .putInt(1)
                .putInt(proxy.isEmpty() ? 1 : 3)
                .putInt(text.length)
                .put(text)
                .putInt(0)
                .putInt(0);
        return b.array();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
