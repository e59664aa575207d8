package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.engine.Catalog;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the rule catalog: id, name, default severity and summary of every rule, or one rule's full text.
 */
@Mojo(name = "rules", threadSafe = true, requiresProject = false, aggregator = true)
public class RulesMojo extends AbstractMojo {

    /** A rule id or name: print that rule's full description and sources instead of the catalog. */
    @Parameter(property = "exchange-compliance.rule")
    String rule;

    @Override
    public void execute() throws MojoExecutionException {
        if (rule != null && !rule.isBlank()) {
            RuleDescriptor found = Catalog.find(rule)
                    .orElseThrow(() -> new MojoExecutionException("exchange-compliance.rule: unknown rule '" + rule
                            + "'; run exchange-compliance:rules for the list"));
            getLog().info(found.id() + " " + found.name() + " ("
                    + found.defaultSeverity().label() + ")");
            getLog().info(found.summary());
            getLog().info(found.description());
            found.sources().forEach(s -> getLog().info("Source: " + s));
            getLog().info("More: " + found.helpUri());
            return;
        }
        for (RuleDescriptor d : Catalog.descriptors()) {
            getLog().info(String.format(
                    Locale.ROOT,
                    "%s %-30s %-8s %s",
                    d.id(),
                    d.name(),
                    d.defaultSeverity().label(),
                    d.summary()));
        }
    }
}
