package io.github.exchangecompliance.load;

import io.github.exchangecompliance.yaml.YamlDocument;
import java.nio.file.Path;

/** A document of the native format and the file it came from. */
public record NativeDocument(Path file, YamlDocument document) {
}
