package io.github.exchangecompliance.report;

import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.engine.CheckResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report files {@code formats} chooses from: each format's name, file and writer, in one place. */
public enum ReportFormat {
    SARIF(SarifReport.FILE_NAME),
    JUNIT(JunitReport.FILE_NAME),
    JSON(JsonReport.FILE_NAME),
    HTML(HtmlReport.FILE_NAME),
    GITLAB(GitlabReport.FILE_NAME);

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The name {@code formats} takes: {@code sarif}, {@code junit}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<ReportFormat> named(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ReportFormat::label).toList();
    }

    /**
     * Writes this report of a run.
     *
     * @param toolVersion the plugin's version, which SARIF and JSON name
     * @param failOnSeverity the build's threshold, which JUnit shows as failures
     */
    public void write(CheckResult result, String toolVersion, Severity failOnSeverity, Path target) throws IOException {
        switch (this) {
            case SARIF -> new SarifReport(toolVersion).write(result, Catalog.descriptors(), target);
            case JUNIT -> new JunitReport(failOnSeverity).write(result, target);
            case JSON -> new JsonReport(toolVersion).write(result, target);
            case HTML -> new HtmlReport().write(result, target);
            case GITLAB -> new GitlabReport().write(result, target);
        }
    }
}
