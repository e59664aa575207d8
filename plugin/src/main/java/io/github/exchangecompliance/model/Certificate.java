package io.github.exchangecompliance.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A certificate document: the files that hold a certificate and its chain (read by the certificates issue).
 *
 * @param baseDirectory the directory of the YAML file, which relative file names are resolved against
 */
public record Certificate(
        Value<String> name,
        Value<String> file,
        List<Value<String>> chain,
        List<Value<String>> services,
        Value<String> purpose,
        Path baseDirectory,
        Location location) {

    public Certificate {
        chain = List.copyOf(chain);
        services = List.copyOf(services);
    }
}
