package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.List;
import java.util.Locale;

/**
 * Whether a value the plugin could not evaluate could change a rule's verdict (SPEC section 4.4): what a task
 * declares or names is about the registry keys the rules read (SCHANNEL, the .NET Framework, cryptography and
 * certificate settings), connectors, proxies, the mitigation service, hybrid or Exchange itself. Only then is an
 * EX0003 note listed; the others are counted in the summary. Linux tasks, DNS or Defender values are not.
 */
final class Relevance {

    /** Words, in lower case, in a task's text or a declared key that a rule may read. */
    private static final List<String> WORDS = List.of(
            "schannel",
            "securityproviders",
            ".netframework",
            "net framework",
            "netframework",
            "cryptography",
            "systemcertificates",
            "authroot",
            "wintrust",
            "strongcrypto",
            "systemdefaulttls",
            "tls",
            "ssl",
            "cipher",
            "receiveconnector",
            "sendconnector",
            "proxy",
            "winhttp",
            "mitigation",
            "hybrid",
            "exchange",
            "setup.exe");

    private Relevance() {}

    /** True when the task declares, or its text names, something a rule reads. */
    static boolean matters(YamlMap task, Declarations declared) {
        if (!declared.connectors.isEmpty()
                || !declared.sendConnectors.isEmpty()
                || declared.internetWebProxy != null
                || declared.winHttpProxy != null
                || declared.organizationMitigations != null
                || declared.version != null) {
            return true;
        }
        if (declared.registry.keys().stream().anyMatch(key -> matters(key.path()))) {
            return true;
        }
        return mentions(task);
    }

    static boolean matters(RegistryPath path) {
        return names(path.text());
    }

    /** True when a node's text names something a rule reads. */
    static boolean mentions(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return names(s.text());
        }
        if (node instanceof YamlMap m) {
            return m.entries().stream().anyMatch(e -> names(e.name()) || mentions(e.value()));
        }
        return node instanceof YamlSeq seq && seq.items().stream().anyMatch(Relevance::mentions);
    }

    private static boolean names(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }
}
