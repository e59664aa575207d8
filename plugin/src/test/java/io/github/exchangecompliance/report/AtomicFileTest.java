package io.github.exchangecompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are moved into place whole; what a killed build left is replaced, and reports are not private. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aTemporaryFileLeftByAKilledBuildIsReplacedAndTheReportIsMadeAsAnyFile() throws IOException {
        Path target = dir.resolve("exchange-compliance.sarif");
        Path leftOver = dir.resolve(".exchange-compliance.sarif.tmp");
        Files.writeString(leftOver, "half a report");

        AtomicFile.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("{}");
        assertThat(leftOver).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        // Made as any new file (the umask decides): a temporary file would be private to the user (0600).
        assertThat(Files.getPosixFilePermissions(target))
                .contains(PosixFilePermission.OWNER_READ)
                .isNotEqualTo(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
}
