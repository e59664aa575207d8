package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.files.AtomicFile;
import io.github.exchangecompliance.live.ExportFiles;
import io.github.exchangecompliance.live.ImportSummary;
import io.github.exchangecompliance.live.ImportWriter;
import io.github.exchangecompliance.live.LiveExports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the native format from exports of the live servers ({@code Export-Clixml} of Get-ExchangeServer, the
 * connectors, the hybrid and organization configuration, Get-ExchangeCertificate, HealthChecker's TLS settings):
 * the first repository of an organization that has none, for review and commit. It writes nothing when an export is
 * broken or a file it would write exists (unless {@code force}), and says what it could not map.
 */
@Mojo(name = "import", threadSafe = true, requiresProject = false)
public class ImportMojo extends AbstractMojo {

    /**
     * The exports to read: a folder of {@code Export-Clixml} files (or a file, or a comma list of them), relative to
     * the project's base directory. Each file is recognised by its content, not its name.
     */
    @Parameter(property = "exchange-compliance.exports", required = true)
    String exports;

    /** Where the native YAML is written. */
    @Parameter(property = "exchange-compliance.importDirectory", defaultValue = "${basedir}/exchange")
    File importDirectory;

    /** Overwrite files the import would write that exist already. */
    @Parameter(property = "exchange-compliance.force", defaultValue = "false")
    boolean force;

    /** The project's base directory, which {@code exports} is relative to. */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    File baseDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<Path> roots = InputParameters.exports(baseDirectory, exports);
        ExportFiles files;
        try {
            files = ExportFiles.find(roots);
        } catch (IOException e) {
            throw new MojoExecutionException("exports: cannot list " + roots + ": " + e.getMessage(), e);
        }
        ImportSummary.notExports(files.others()).forEach(getLog()::info);
        LiveExports live = LiveExports.read(files.exports());
        live.broken().forEach(b -> getLog().error(b.file() + ":" + b.line() + ": [EX0001] the export " + b.message()));
        if (!live.broken().isEmpty()) {
            throw new MojoFailureException(
                    "Exchange compliance: " + live.broken().size()
                            + " export(s) cannot be read; nothing was written (export them again, then import)");
        }
        if (live.servers().stream().noneMatch(s -> s.listed)) {
            throw new MojoFailureException(
                    "Exchange compliance: the exports (" + files.exports().size()
                            + " Export-Clixml files) list no Exchange server; export Get-ExchangeServer too (see the site "
                            + "page Start from your servers); nothing was written");
        }
        Map<String, String> written = ImportWriter.files(live);
        Path out = importDirectory.toPath();
        List<Path> existing = written.keySet().stream()
                .map(out::resolve)
                .filter(Files::exists)
                .toList();
        if (!existing.isEmpty() && !force) {
            existing.forEach(f -> getLog().error("Exchange compliance: exists, not overwritten: " + f));
            throw new MojoFailureException("Exchange compliance: " + existing.size() + " of the files to write exist "
                    + "already in " + out + "; nothing was written (import into another importDirectory, or "
                    + "overwrite them with -Dexchange-compliance.force=true)");
        }
        try {
            for (Map.Entry<String, String> file : written.entrySet()) {
                if (!out.resolve(file.getKey()).normalize().startsWith(out.normalize())) {
                    throw new IllegalStateException("import would write outside " + out + ": " + file.getKey());
                }
                AtomicFile.write(
                        out.resolve(file.getKey()), o -> o.write(file.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Exchange compliance: cannot write to " + out + ": " + e.getMessage(), e);
        }
        ImportSummary.lines(live, written.keySet(), out).forEach(getLog()::info);
        ImportSummary.unmapped(live).forEach(getLog()::warn);
    }
}
