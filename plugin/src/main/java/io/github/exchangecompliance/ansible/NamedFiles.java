package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files Ansible content names (includes, roles, inventories, variable files): read only when they may be, inside
 * the source directories once links are resolved, regular files, and within the limits. A refusal is one EX0001
 * finding at the place that named the file; a file that does not exist (or is a folder) is
 * left to the caller, as before.
 */
final class NamedFiles {

    private final SourceFiles files;
    private final Reporter refused;

    NamedFiles(SourceFiles files, Reporter refused) {
        this.files = files;
        this.refused = refused;
    }

    /**
     * The file a name stands for, resolved against a folder, when it may be read; otherwise empty, and a finding at
     * {@code namedAt} unless the file does not exist.
     *
     * @param what what names the file, for the message ("include_tasks", "ansible.cfg's inventory")
     */
    Optional<Path> resolve(Path folder, String name, String what, Location namedAt) {
        try {
            return check(SourceFiles.resolve(folder, name), what + " names '" + name + "', which", namedAt);
        } catch (Refused e) {
            refused.report(namedAt, what + " names '" + name + "', which " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The file itself, when it may be read; a finding at its start otherwise (a link in group_vars, say). */
    Optional<Path> check(Path file) {
        return check(file, "the file", Location.startOf(file));
    }

    private Optional<Path> check(Path file, String subject, Location at) {
        try {
            files.check(file);
            return Optional.of(file);
        } catch (Refused e) {
            if (!e.quiet()) {
                refused.report(at, subject + " " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** True when a folder (a role's, say) lies inside the source directories once its links are resolved. */
    boolean isInside(Path folder) {
        return files.isInside(folder);
    }

    Reporter refused() {
        return refused;
    }
}
