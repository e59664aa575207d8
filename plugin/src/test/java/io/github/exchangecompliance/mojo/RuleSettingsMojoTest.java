package io.github.exchangecompliance.mojo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The {@code rules} parameter: overrides turn failures into passes; unknown ids fail fast. */
@MojoTest
class RuleSettingsMojoTest {

    private static final String PROJECT = "src/test/projects/misconfigured";

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void severityOverridesTurnAFailureIntoAPass(CheckMojo mojo) throws Exception {
        mojo.rules = Map.of("EX1010", "warning", "dotnet-strong-crypto", "off");
        mojo.outputDirectory = new java.io.File("target/mojo-tests/overrides");
        mojo.execute();
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void anUnknownRuleFailsFastNamingTheNearestOne(CheckMojo mojo) {
        mojo.rules = Map.of("dotnet-strong-crypt", "off");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("rules: unknown rule 'dotnet-strong-crypt'; did you mean 'dotnet-strong-crypto'? (run "
                        + "exchange-compliance:rules for the list)");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = "pom.xml")
    void anUnknownSeverityFailsFast(CheckMojo mojo) {
        mojo.rules = Map.of("EX1003", "fatal");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("rules: 'fatal' for EX1003 is not a severity; use error, warning, note or off");
    }
}
