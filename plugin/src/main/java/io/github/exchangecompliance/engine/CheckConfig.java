package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * What to check and how: the engine's whole input besides the files themselves.
 *
 * @param baseDirectory paths in reports are relative to this (the project's base directory)
 * @param ansibleServerGroups the inventory groups whose hosts are the Exchange servers; empty: the hosts the
 *     repository treats as Exchange servers, and the group {@code exchange} (SPEC section 4.4)
 * @param ansibleInventories the inventory sources to read (files or folders), or empty to look for them
 *     (ansible.cfg, conventional names)
 * @param ignoreInlineSuppressions report what inline comments suppress (for CI that must not let a change approve
 *     its own exception)
 * @param baselineFile findings listed there do not fail the build; null for none
 * @param findingLimits how many findings are listed for a file and in all
 * @param exports folders or files of the live servers' exports ({@code Export-Clixml}) to compare with the
 *     repository (EX0008); empty for none
 */
public record CheckConfig(
        Path baseDirectory,
        List<Path> sourceDirectories,
        List<String> includes,
        List<String> excludes,
        YamlLimits limits,
        RuleSettings rules,
        RuleContext context,
        List<String> ansibleServerGroups,
        List<Path> ansibleInventories,
        boolean ignoreInlineSuppressions,
        Path baselineFile,
        FindingLimits findingLimits,
        List<Path> exports) {

    /** A configuration that compares with no exports. */
    public CheckConfig(
            Path baseDirectory,
            List<Path> sourceDirectories,
            List<String> includes,
            List<String> excludes,
            YamlLimits limits,
            RuleSettings rules,
            RuleContext context,
            List<String> ansibleServerGroups,
            List<Path> ansibleInventories,
            boolean ignoreInlineSuppressions,
            Path baselineFile,
            FindingLimits findingLimits) {
        this(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                findingLimits,
                List.of());
    }

    /** A configuration that lists findings up to the default limits. */
    public CheckConfig(
            Path baseDirectory,
            List<Path> sourceDirectories,
            List<String> includes,
            List<String> excludes,
            YamlLimits limits,
            RuleSettings rules,
            RuleContext context,
            List<String> ansibleServerGroups,
            List<Path> ansibleInventories,
            boolean ignoreInlineSuppressions,
            Path baselineFile) {
        this(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                FindingLimits.defaults());
    }

    /** A configuration that finds the Exchange servers and the inventory as the SPEC says (section 4.4). */
    public CheckConfig(
            Path baseDirectory,
            List<Path> sourceDirectories,
            List<String> includes,
            List<String> excludes,
            YamlLimits limits,
            RuleSettings rules,
            RuleContext context) {
        this(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                List.of(),
                List.of(),
                false,
                null);
    }

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/target/**", "**/node_modules/**", "**/.git/**");

    public CheckConfig {
        sourceDirectories = List.copyOf(sourceDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        ansibleServerGroups = List.copyOf(ansibleServerGroups);
        ansibleInventories = List.copyOf(ansibleInventories);
        exports = List.copyOf(exports);
    }

    public static CheckConfig of(Path baseDirectory) {
        return new CheckConfig(
                baseDirectory,
                List.of(baseDirectory),
                DEFAULT_INCLUDES,
                DEFAULT_EXCLUDES,
                YamlLimits.defaults(),
                RuleSettings.defaults(),
                RuleContext.today());
    }

    public CheckConfig withRules(RuleSettings settings) {
        return new CheckConfig(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                settings,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                findingLimits,
                exports);
    }

    public CheckConfig withContext(RuleContext ruleContext) {
        return new CheckConfig(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                ruleContext,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                findingLimits,
                exports);
    }

    /** This configuration without a baseline: the baseline goal writes one from what the check finds. */
    public CheckConfig withoutBaseline() {
        return new CheckConfig(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                null,
                findingLimits,
                exports);
    }

    /** This configuration with other limits on the findings listed (the baseline goal lists every finding). */
    public CheckConfig withFindingLimits(FindingLimits chosen) {
        return new CheckConfig(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                chosen,
                exports);
    }

    /** This configuration comparing the repository with the live servers' exports. */
    public CheckConfig withExports(List<Path> chosen) {
        return new CheckConfig(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                limits,
                rules,
                context,
                ansibleServerGroups,
                ansibleInventories,
                ignoreInlineSuppressions,
                baselineFile,
                findingLimits,
                chosen);
    }
}
