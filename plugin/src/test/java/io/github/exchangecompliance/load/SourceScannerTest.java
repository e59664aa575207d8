package io.github.exchangecompliance.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.engine.CheckConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a check reads: by the globs, and through symbolic links only while they stay inside the root. */
class SourceScannerTest {

    @TempDir
    Path repo;

    private final SourceScanner scanner = new SourceScanner(CheckConfig.DEFAULT_INCLUDES, CheckConfig.DEFAULT_EXCLUDES);

    @Test
    void followsLinksThatStayInsideTheRootAndNoOthers() throws IOException {
        Path root = Files.createDirectories(repo.resolve("infra"));
        Path outside = Files.createDirectories(repo.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), "a: 1\n");
        Path servers = Files.createDirectories(root.resolve("servers"));
        Files.writeString(servers.resolve("ex01.yaml"), "a: 1\n");
        Files.writeString(root.resolve("notes.txt"), "not YAML\n");
        Files.createSymbolicLink(root.resolve("shared.yaml"), servers.resolve("ex01.yaml"));
        Files.createSymbolicLink(root.resolve("mirror"), servers);
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("escape.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(root.resolve("loop"), root);
        Files.createSymbolicLink(servers.resolve("up"), root);
        Files.createSymbolicLink(servers.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("broken.yaml"), root.resolve("missing.yaml"));

        List<String> found = scanner.scan(List.of(root)).files().stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .toList();

        assertThat(found).containsExactly("mirror/ex01.yaml", "servers/ex01.yaml", "shared.yaml");
    }

    @Test
    void linksLeadingIntoEachOtherAreFollowedUntilTheyComeRoundAsTheJdkWalkerWouldFromTheRoot() throws IOException {
        Path root = Files.createDirectories(repo.resolve("infra"));
        Path x = Files.createDirectories(root.resolve("x"));
        Path y = Files.createDirectories(root.resolve("y"));
        Files.writeString(x.resolve("a.yaml"), "a: 1\n");
        Files.writeString(y.resolve("b.yaml"), "a: 1\n");
        Files.createSymbolicLink(x.resolve("l1"), y);
        Files.createSymbolicLink(y.resolve("l2"), x);
        Path deep = Files.createDirectories(root.resolve("servers/deep"));
        Files.writeString(deep.resolve("c.yaml"), "a: 1\n");
        Files.writeString(root.resolve("servers/s.yaml"), "a: 1\n");
        Files.createSymbolicLink(root.resolve("m2"), deep);
        Files.createSymbolicLink(deep.resolve("up"), root.resolve("servers"));

        assertThat(relative(root, scanner.scan(List.of(root)).files()))
                .containsExactly(
                        "m2/c.yaml",
                        "m2/up/s.yaml",
                        "servers/deep/c.yaml",
                        "servers/s.yaml",
                        "x/a.yaml",
                        "x/l1/b.yaml",
                        "y/b.yaml",
                        "y/l2/a.yaml");
    }

    private static List<String> relative(Path root, List<Path> files) {
        return files.stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .toList();
    }

    @Test
    void filesComeInPathOrderWhereAFoldersNameSortsApartFromItsPaths() throws IOException {
        Path root = Files.createDirectories(repo.resolve("infra"));
        for (String file : List.of(
                "a/b.yml", "a.b/c.yml", "a-b.yml", "a0.yml", "a.yml", "a/a/z.yml", "a/a.yml", "B.yml", "b/a.yml")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "a: 1\n");
        }

        List<Path> found = scanner.scan(List.of(root)).files();

        assertThat(found).isSorted().hasSize(9);
        assertThat(relative(root, found)).startsWith("B.yml", "a-b.yml", "a.b/c.yml", "a.yml");
    }

    @Test
    void excludedDirectoriesAreNotEnteredEvenThroughALink() throws IOException {
        Path root = Files.createDirectories(repo.resolve("infra"));
        Path target = Files.createDirectories(root.resolve("target"));
        Files.writeString(target.resolve("generated.yaml"), "a: 1\n");
        Files.writeString(root.resolve("site.yml"), "a: 1\n");
        Path nested = Files.createDirectories(root.resolve("nested"));
        Files.createSymbolicLink(nested.resolve("target"), target);

        List<Path> found = scanner.scan(List.of(root)).files();

        assertThat(found).containsExactly(root.resolve("site.yml"));
    }

    @Test
    void theDefaultGlobsMatchedOnTextAgreeWithTheJdksGlobMatcher() {
        // The default globs are matched on the text; written with a class ([t]) they go to the JDK's matcher.
        SourceScanner byText =
                new SourceScanner(List.of("**/*.yml", "**/*.yaml"), List.of("**/target/**", "**/.git/**"));
        SourceScanner byJdk =
                new SourceScanner(List.of("**/*.[y]ml", "**/*.[y]aml"), List.of("**/[t]arget/**", "**/[.]git/**"));
        List<String> paths = List.of(
                "a.yml",
                "a.yaml",
                ".yml",
                "x/.yaml",
                "a.yml.bak",
                "a.YML",
                "ayml",
                "d/e/f.yml",
                "target/a.yml",
                "a/target/b.yml",
                "a/target.yml",
                "a/xtarget/b.yml",
                "a/targets/b.yml",
                "target.yml",
                ".git/config.yml",
                "a/.git/b/c.yaml",
                "a/.github/w.yml",
                "a/git/b.yml");
        for (String path : paths) {
            assertThat(byText.selected(path)).as(path).isEqualTo(byJdk.selected(path));
        }
        assertThat(paths.stream().filter(byText::selected))
                .containsExactly(
                        "a.yml",
                        "a.yaml",
                        ".yml",
                        "x/.yaml",
                        "d/e/f.yml",
                        "a/target.yml",
                        "a/xtarget/b.yml",
                        "a/targets/b.yml",
                        "target.yml",
                        "a/.github/w.yml",
                        "a/git/b.yml");
    }
}
