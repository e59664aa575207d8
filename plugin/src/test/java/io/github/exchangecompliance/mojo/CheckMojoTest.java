package io.github.exchangecompliance.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The check goal as Maven configures it, on a small misconfigured repository. */
@MojoTest
class CheckMojoTest {

    private static final String PROJECT = "src/test/projects/misconfigured";
    private static final String POM = "pom.xml";
    private static final String OUT = "target/mojo-tests/exchange-compliance";

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "outputDirectory", value = OUT)
    void failsTheBuildWithTheCountsAndWritesSarif(CheckMojo mojo) throws Exception {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Exchange compliance failed: 2 errors, 0 warnings, 0 notes (failOnSeverity error)");
        JsonNode sarif = new ObjectMapper()
                .readTree(mojo.outputDirectory
                        .toPath()
                        .resolve("exchange-compliance.sarif")
                        .toFile());
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).at("/ruleId").asText()).isEqualTo("EX1010");
        // Relative to the repository's root (this project's clone), which %SRCROOT% names.
        java.net.URI root = java.net.URI.create(
                sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText());
        assertThat(Path.of(root.resolve(results.get(0)
                        .at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())))
                .isEqualTo(
                        mojo.baseDirectory.toPath().toAbsolutePath().normalize().resolve("exchange/tls-baseline.yaml"));
        assertThat(results.get(0)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asInt())
                .isEqualTo(24);
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "outputDirectory", value = OUT + "-skip")
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(mojo.outputDirectory).doesNotExist();
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOnSeverity", value = "severe")
    void aBadSeverityFailsFastWithOneLine(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("failOnSeverity: 'severe' is not accepted; use error, warning, note or none");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "formats", value = "sarif,pdf")
    void anUnknownFormatFailsFast(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("formats: 'pdf' is not accepted; use sarif, junit, json, html, gitlab");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOnSeverity", value = "none")
    @MojoParameter(name = "outputDirectory", value = OUT + "-state")
    void anUnchangedRepositoryIsNotCheckedTwice(CheckMojo mojo) throws Exception {
        Path sarif = mojo.outputDirectory.toPath().resolve("exchange-compliance.sarif");
        Files.deleteIfExists(mojo.outputDirectory.toPath().resolve(".check-state"));
        mojo.execute();
        // Backdate the report: a second run that rewrites it would give it a new time.
        Files.setLastModifiedTime(sarif, FileTime.fromMillis(0));
        mojo.execute();
        assertThat(Files.getLastModifiedTime(sarif).toMillis()).isZero();
        // Any date but today (the default) changes the state; a fixed date would equal today one day.
        mojo.referenceDate = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        mojo.execute();
        assertThat(Files.getLastModifiedTime(sarif)).isNotEqualTo(FileTime.fromMillis(0));
        // A pass with failOnSeverity=none says nothing of a build that fails on errors: it checks again, and fails.
        mojo.failOnSeverity = "error";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOnSeverity", value = "none")
    @MojoParameter(name = "outputDirectory", value = OUT + "-exports")
    void exportsAreComparedAndANewExportIsANewCheck(CheckMojo mojo) throws Exception {
        Path exports = mojo.baseDirectory.toPath().resolve("target/mojo-tests/exports");
        Files.createDirectories(exports);
        Path servers = exports.resolve("servers.xml");
        Files.copy(
                Path.of("src/test/resources/rules/EX0008/exports/ex02.xml"),
                servers,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        mojo.exports = "target/mojo-tests/exports";
        Path sarif = mojo.outputDirectory.toPath().resolve("exchange-compliance.sarif");
        Files.deleteIfExists(mojo.outputDirectory.toPath().resolve(".check-state"));

        mojo.execute();
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results.findValuesAsText("ruleId")).contains("EX0008");
        Files.setLastModifiedTime(sarif, FileTime.fromMillis(0));
        mojo.execute();
        assertThat(Files.getLastModifiedTime(sarif).toMillis())
                .as("nothing changed")
                .isZero();
        // Exports taken again are another state of the servers: the check runs again.
        Files.writeString(servers, Files.readString(servers) + "\n");
        mojo.execute();
        assertThat(Files.getLastModifiedTime(sarif)).isNotEqualTo(FileTime.fromMillis(0));
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOnSeverity", value = "none")
    void aSourceDirectoryThatIsNotThereFailsFast(CheckMojo mojo) {
        mojo.sourceDirectories = List.of(new File(mojo.baseDirectory, "exchange-typo"));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("sourceDirectories: " + new File(mojo.baseDirectory, "exchange-typo")
                        + " does not exist; name the folders that hold the infrastructure YAML");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "ansibleInventory", value = "inventory/missing.ini")
    void anInventoryThatIsNotThereFailsFast(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ansibleInventory: ")
                .hasMessageContaining("missing.ini does not exist");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "referenceDate", value = "28.11.2026")
    void aDateThatIsNotIsoFailsFast(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("referenceDate: '28.11.2026' is not a date; use the ISO form, for example 2026-11-28");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOnSeverity", value = "none")
    @MojoParameter(name = "outputDirectory", value = OUT + "-none")
    void noneNeverFails(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(mojo.outputDirectory.toPath().resolve("exchange-compliance.sarif"))
                .exists();
    }
}
