package io.github.exchangecompliance.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The import goal as Maven configures it, on a folder of exports named for the day, beside a note. */
@MojoTest
class ImportMojoTest {

    private static final String PROJECT = "src/test/projects/import";
    private static final String POM = "pom.xml";

    private static void clean(File directory) throws Exception {
        if (directory.exists()) {
            try (var walk = Files.walk(directory.toPath())) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "import", pom = POM)
    @MojoParameter(name = "importDirectory", value = "target/mojo-tests/import/exchange")
    void writesTheServerAndNeverOverwritesWithoutForce(ImportMojo mojo) throws Exception {
        clean(mojo.importDirectory);

        mojo.execute();

        Path server = mojo.importDirectory.toPath().resolve("servers/ex01.yaml");
        assertThat(server).content().isEqualTo("""
                apiVersion: exchange-compliance/v1
                kind: Server
                metadata:
                  name: EX01
                spec:
                  version: '15.2.2562.17'
                  roles: [Mailbox]
                  mitigationsEnabled: true
                """);
        assertThat(mojo.importDirectory.toPath().resolve("organization.yaml"))
                .content()
                .as("no Get-OrganizationConfig among the exports")
                .endsWith("kind: Organization\nmetadata:\n  name: organization\nspec: {}\n");
        Files.writeString(server, "# reviewed by hand\n");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Exchange compliance: 2 of the files to write exist already in ")
                .hasMessageEndingWith("; nothing was written (import into another importDirectory, or overwrite "
                        + "them with -Dexchange-compliance.force=true)");
        assertThat(server).content().isEqualTo("# reviewed by hand\n");

        mojo.force = true;
        mojo.execute();
        assertThat(server).content().startsWith("apiVersion: exchange-compliance/v1\n");
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "import", pom = POM)
    @MojoParameter(name = "importDirectory", value = "target/mojo-tests/import-broken/exchange")
    void aBrokenExportWritesNothing(ImportMojo mojo) throws Exception {
        clean(mojo.importDirectory);
        Path exports = mojo.baseDirectory.toPath().resolve("target/mojo-tests/import-broken/exports");
        Files.createDirectories(exports);
        Files.copy(
                mojo.baseDirectory.toPath().resolve("exports/2026-12-01-servers.xml"),
                exports.resolve("servers.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                exports.resolve("connectors.xml"),
                "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n<Obj>\n");
        mojo.exports = "target/mojo-tests/import-broken/exports";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Exchange compliance: 1 export(s) cannot be read; nothing was written (export them "
                        + "again, then import)");
        assertThat(mojo.importDirectory).doesNotExist();
    }

    @Test
    @Basedir(PROJECT)
    @InjectMojo(goal = "import", pom = POM)
    @MojoParameter(name = "importDirectory", value = "target/mojo-tests/import-none/exchange")
    void exportsWithoutAServerOrAFolderThatIsNotThereFailWithOneLine(ImportMojo mojo) throws Exception {
        mojo.exports = "exports/NOTES.txt";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Exchange compliance: the exports (0 Export-Clixml files) list no Exchange server; export "
                        + "Get-ExchangeServer too (see the site page Start from your servers); nothing was written");
        mojo.exports = "exprots";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("exports: ")
                .hasMessageEndingWith("exprots does not exist; name the folder that holds the servers' "
                        + "Export-Clixml files (a comma list for several)");
    }
}
