package io.github.exchangecompliance.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages' layers, read from the sources' imports and qualified names: no package depends, directly or not,
 * on itself, and Maven's API is used only in {@code mojo}, the edge where Maven calls the plugin.
 */
class PackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/exchangecompliance");
    private static final Pattern OURS = Pattern.compile("io\\.github\\.exchangecompliance\\.(\\w+)\\.[A-Z]");
    private static final Pattern MAVEN =
            Pattern.compile("^import (?:static )?org\\.apache\\.maven\\.", Pattern.MULTILINE);

    /** Each package and the packages of ours it uses. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = OURS.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void noPackageDependsOnItself() throws IOException {
        Map<String, Set<String>> uses = graph();
        assertThat(uses).containsKeys("api", "model", "engine", "rules", "mojo");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            cycleFrom(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    private static void cycleFrom(
            String start,
            String at,
            Map<String, Set<String>> uses,
            List<String> path,
            Set<String> seen,
            List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                cycleFrom(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void theBottomLayersUseNothingAboveThem() throws IOException {
        Map<String, Set<String>> uses = graph();
        assertThat(uses.get("model")).isEmpty();
        assertThat(uses.get("api")).containsOnly("model");
        assertThat(uses.get("files")).isEmpty();
        assertThat(uses.get("clixml"))
                .as("the CliXml reader knows no rule or Exchange object")
                .containsOnly("model", "files");
        assertThat(uses.get("live"))
                .as("import and drift know the model, CliXml and certificates, no rule and no engine")
                .containsOnly("clixml", "cert", "model", "files");
    }

    @Test
    void mavensApiStaysInTheMojos() throws IOException {
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (!SOURCES.relativize(file).getName(0).toString().equals("mojo")
                        && MAVEN.matcher(Files.readString(file, StandardCharsets.UTF_8))
                                .find()) {
                    outside.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(outside).isEmpty();
    }
}
