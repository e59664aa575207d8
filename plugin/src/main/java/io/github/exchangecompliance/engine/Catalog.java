package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.rules.CertificateExpiry;
import io.github.exchangecompliance.rules.CertificateFile;
import io.github.exchangecompliance.rules.CertificateNames;
import io.github.exchangecompliance.rules.CertificateNoRevocationInfo;
import io.github.exchangecompliance.rules.CertificateWeak;
import io.github.exchangecompliance.rules.ConnectorBindings;
import io.github.exchangecompliance.rules.CrlEndpointBlocked;
import io.github.exchangecompliance.rules.DefaultFrontendNarrowed;
import io.github.exchangecompliance.rules.DotnetFrameworkVersion;
import io.github.exchangecompliance.rules.DotnetStrongCrypto;
import io.github.exchangecompliance.rules.DotnetSystemDefaultTls;
import io.github.exchangecompliance.rules.HcwConnectorAmbiguous;
import io.github.exchangecompliance.rules.HcwConnectorChoice;
import io.github.exchangecompliance.rules.HybridConnectorRole;
import io.github.exchangecompliance.rules.HybridSendConnectorCertificate;
import io.github.exchangecompliance.rules.HybridSendConnectorTls;
import io.github.exchangecompliance.rules.HybridSendSourceServers;
import io.github.exchangecompliance.rules.HybridServersInconsistent;
import io.github.exchangecompliance.rules.HybridTlsCertificateName;
import io.github.exchangecompliance.rules.HybridTlsDomainCapabilities;
import io.github.exchangecompliance.rules.InsecureRenegotiation;
import io.github.exchangecompliance.rules.InventoryNotStatic;
import io.github.exchangecompliance.rules.LegacyTlsEnabled;
import io.github.exchangecompliance.rules.LiveDrift;
import io.github.exchangecompliance.rules.MitigationEndpointBlocked;
import io.github.exchangecompliance.rules.MitigationServiceDisabled;
import io.github.exchangecompliance.rules.NoExchangeServers;
import io.github.exchangecompliance.rules.ProxySettings;
import io.github.exchangecompliance.rules.PublicFoldersOnOlderVersion;
import io.github.exchangecompliance.rules.RegistryValueType;
import io.github.exchangecompliance.rules.RevocationCheckDisabled;
import io.github.exchangecompliance.rules.RootAutoUpdateDisabled;
import io.github.exchangecompliance.rules.Schema;
import io.github.exchangecompliance.rules.Suppression;
import io.github.exchangecompliance.rules.Tls12Client;
import io.github.exchangecompliance.rules.Tls12Server;
import io.github.exchangecompliance.rules.Tls13Unsupported;
import io.github.exchangecompliance.rules.TlsClientServerMismatch;
import io.github.exchangecompliance.rules.TlsDiffersBetweenServers;
import io.github.exchangecompliance.rules.TlsHalfDisabled;
import io.github.exchangecompliance.rules.TlsKeyTypo;
import io.github.exchangecompliance.rules.TlsMisplacedValue;
import io.github.exchangecompliance.rules.TlsNotPinned;
import io.github.exchangecompliance.rules.UnresolvedValue;
import io.github.exchangecompliance.rules.UnsupportedVersion;
import io.github.exchangecompliance.rules.WeakCiphers;
import io.github.exchangecompliance.rules.YamlSyntax;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every rule the plugin has, in id order. Adding a rule is adding its class here; a test keeps this list, the
 * rule pages and the fixtures in step.
 */
public final class Catalog {

    private static final List<Supplier<Rule>> FACTORIES = List.of(
            YamlSyntax::new,
            Schema::new,
            UnresolvedValue::new,
            Suppression::new,
            NoExchangeServers::new,
            InventoryNotStatic::new,
            LiveDrift::new,
            Tls12Server::new,
            Tls12Client::new,
            DotnetStrongCrypto::new,
            DotnetSystemDefaultTls::new,
            TlsNotPinned::new,
            TlsClientServerMismatch::new,
            TlsKeyTypo::new,
            LegacyTlsEnabled::new,
            Tls13Unsupported::new,
            RegistryValueType::new,
            TlsMisplacedValue::new,
            TlsHalfDisabled::new,
            TlsDiffersBetweenServers::new,
            InsecureRenegotiation::new,
            WeakCiphers::new,
            CertificateFile::new,
            CrlEndpointBlocked::new,
            RevocationCheckDisabled::new,
            MitigationServiceDisabled::new,
            MitigationEndpointBlocked::new,
            CertificateExpiry::new,
            CertificateWeak::new,
            CertificateNames::new,
            CertificateNoRevocationInfo::new,
            ProxySettings::new,
            RootAutoUpdateDisabled::new,
            HcwConnectorChoice::new,
            HcwConnectorAmbiguous::new,
            HybridTlsCertificateName::new,
            HybridTlsDomainCapabilities::new,
            HybridConnectorRole::new,
            HybridServersInconsistent::new,
            ConnectorBindings::new,
            DefaultFrontendNarrowed::new,
            HybridSendConnectorCertificate::new,
            HybridSendConnectorTls::new,
            HybridSendSourceServers::new,
            PublicFoldersOnOlderVersion::new,
            UnsupportedVersion::new,
            DotnetFrameworkVersion::new);

    private static final List<RuleDescriptor> DESCRIPTORS = FACTORIES.stream()
            .map(f -> RuleDescriptor.of(f.get().getClass()))
            .sorted(Comparator.comparing(RuleDescriptor::id))
            .toList();

    public static final RuleDescriptor YAML_SYNTAX = descriptor(YamlSyntax.class);
    public static final RuleDescriptor SCHEMA = descriptor(Schema.class);
    public static final RuleDescriptor CERTIFICATE_FILE = descriptor(CertificateFile.class);
    public static final RuleDescriptor UNRESOLVED_VALUE = descriptor(UnresolvedValue.class);
    public static final RuleDescriptor SUPPRESSION = descriptor(Suppression.class);
    public static final RuleDescriptor NO_EXCHANGE_SERVERS = descriptor(NoExchangeServers.class);
    public static final RuleDescriptor INVENTORY_NOT_STATIC = descriptor(InventoryNotStatic.class);
    public static final RuleDescriptor LIVE_DRIFT = descriptor(LiveDrift.class);

    private Catalog() {}

    public static List<RuleDescriptor> descriptors() {
        return DESCRIPTORS;
    }

    /** Fresh instances of every rule (rules keep no state, but a run should not share them with another). */
    public static List<Rule> rules() {
        return FACTORIES.stream().map(Supplier::get).toList();
    }

    /** A rule by id ({@code EX1003}) or name ({@code dotnet-strong-crypto}), in any case. */
    public static Optional<RuleDescriptor> find(String idOrName) {
        String wanted = idOrName.strip().toLowerCase(Locale.ROOT);
        return DESCRIPTORS.stream()
                .filter(d -> d.id().toLowerCase(Locale.ROOT).equals(wanted)
                        || d.name().equals(wanted))
                .findFirst();
    }

    public static Stream<String> idsAndNames() {
        return DESCRIPTORS.stream().flatMap(d -> Stream.of(d.id(), d.name()));
    }

    private static RuleDescriptor descriptor(Class<?> type) {
        return DESCRIPTORS.stream().filter(d -> d.type() == type).findFirst().orElseThrow();
    }
}
