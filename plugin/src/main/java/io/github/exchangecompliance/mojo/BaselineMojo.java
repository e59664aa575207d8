package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.FindingLimits;
import io.github.exchangecompliance.report.ConsoleReport;
import io.github.exchangecompliance.suppress.Baseline;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the current findings to the baseline file ({@code baselineFile}), so that an existing repository can
 * adopt the plugin and fail only on new findings. Takes every parameter of {@code check}.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends CheckMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Exchange compliance: skipped (exchange-compliance.skip)");
            return;
        }
        CheckResult result;
        try {
            // Every finding goes into the baseline: a limit on what is listed would leave some out for good.
            CheckConfig all = config().withoutBaseline();
            result = new Checker(all.withFindingLimits(
                            new FindingLimits(all.findingLimits().perFile(), Integer.MAX_VALUE)))
                    .check();
            Baseline.write(result.findings(), result.baseDirectory(), baselineFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Exchange compliance: cannot write the baseline " + baselineFile + ": " + e.getMessage(), e);
        }
        getLog().info(ConsoleReport.summary(result));
        getLog().info("Exchange compliance: wrote "
                + (result.findings().size()
                        - result.findings().stream()
                                .filter(f -> f.suppression() != null)
                                .count()) + " findings to the baseline " + baselineFile);
    }
}
