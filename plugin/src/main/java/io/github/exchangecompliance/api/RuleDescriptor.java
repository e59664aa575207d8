package io.github.exchangecompliance.api;

import java.util.List;

/**
 * A rule's metadata as the engine and the reports use it, read from its {@link RuleInfo}.
 */
public record RuleDescriptor(
        String id,
        String name,
        Severity defaultSeverity,
        String summary,
        String description,
        List<String> sources,
        Class<?> type,
        List<ServerFact> needs,
        boolean breaksService,
        String precision) {

    /** The documentation site: getting started, the native format, HCW's choice. */
    public static final String DOCS = "https://exchangecompliance.github.io/";

    /** Where the rule pages of the documentation site live (the plugin module's part of the site). */
    public static final String SITE = DOCS + "exchange-compliance-maven-plugin/";

    public static RuleDescriptor of(Class<?> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
        }
        return new RuleDescriptor(
                info.id(),
                info.name(),
                info.severity(),
                info.summary(),
                info.description(),
                List.of(info.sources()),
                type,
                List.of(info.needs()),
                info.breaksService(),
                info.precision());
    }

    /**
     * GitHub's {@code security-severity} (0.1 to 10; 7 and above is high): 8.0 for an error that stops a service,
     * 6.0 for another error, 4.0 for a warning, 2.0 for a note.
     */
    public String securitySeverity() {
        return switch (defaultSeverity) {
            case ERROR -> breaksService ? "8.0" : "6.0";
            case WARNING -> "4.0";
            case NOTE, OFF -> "2.0";
        };
    }

    /** The rule's area, from its id's first digit: what code scanning filters by. */
    public String area() {
        return switch (id.charAt(2)) {
            case '0' -> "input";
            case '1' -> "tls";
            case '2' -> "certificates-and-egress";
            case '3' -> "hybrid";
            default -> "topology";
        };
    }

    public String helpUri() {
        return SITE + "rules/" + id + ".html";
    }
}
