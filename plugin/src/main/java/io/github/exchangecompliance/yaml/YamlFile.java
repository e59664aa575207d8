package io.github.exchangecompliance.yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the reader made of one file: the documents it could read, the duplicate keys it found (the first value
 * was kept), and the problem that stopped it, if any. Documents before a syntax error are kept.
 */
public record YamlFile(
        Path path,
        List<YamlDocument> documents,
        List<YamlProblem> duplicateKeys,
        Optional<YamlProblem> problem,
        boolean mentionsSuppression) {

    /** The text that marks an inline suppression comment. */
    public static final String SUPPRESSION_MARKER = "exchange-compliance:ignore";

    public YamlFile {
        documents = List.copyOf(documents);
        duplicateKeys = List.copyOf(duplicateKeys);
    }

    public YamlFile(
            Path path, List<YamlDocument> documents, List<YamlProblem> duplicateKeys, Optional<YamlProblem> problem) {
        this(path, documents, duplicateKeys, problem, false);
    }

    /** True when the file holds no YAML node at all (empty, only comments, only {@code ---}). */
    public boolean isEmpty() {
        return problem.isEmpty() && documents.stream().allMatch(d -> d.root() == null);
    }
}
