package io.github.exchangecompliance.engine;

import java.util.List;

/**
 * A rule's metadata as the engine and the reports use it, read from its {@link RuleInfo}.
 */
public record RuleDescriptor(String id, String name, Severity defaultSeverity, String summary, String description,
        List<String> sources, Class<?> type, List<ServerFact> needs) {

    /** The documentation site: getting started, the native format, HCW's choice. */
    public static final String DOCS = "https://exchangecompliance.github.io/";

    /** Where the rule pages of the documentation site live (the plugin module's part of the site). */
    public static final String SITE = DOCS + "exchange-compliance-maven-plugin/";

    public static RuleDescriptor of(Class<?> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
        }
        return new RuleDescriptor(info.id(), info.name(), info.severity(), info.summary(), info.description(),
                List.of(info.sources()), type, List.of(info.needs()));
    }

    public String helpUri() {
        return SITE + "rules/" + id + ".html";
    }
}
