package io.github.exchangecompliance.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.model.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one problem with a line, never an exception, a hang or a blown heap. */
@Timeout(30)
class YamlReaderTest {

    @TempDir
    Path dir;

    private final YamlReader reader = new YamlReader(YamlLimits.defaults());

    private YamlFile read(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return reader.read(file);
    }

    private YamlFile read(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return reader.read(file);
    }

    @Test
    void keepsLocationsAndScalarText() throws IOException {
        YamlFile file = read("a.yaml", "spec:\n  port: 0443\n  version: 1.10\n  flag: yes\n  quoted: \"1\"\n");
        YamlMap spec =
                (YamlMap) ((YamlMap) file.documents().get(0).root()).get("spec").orElseThrow();
        YamlScalar port = (YamlScalar) spec.get("port").orElseThrow();
        assertThat(port.text()).isEqualTo("0443");
        assertThat(port.kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(port.location().line()).isEqualTo(2);
        assertThat(port.location().column()).isEqualTo(9);
        assertThat(((YamlScalar) spec.get("version").orElseThrow()).text()).isEqualTo("1.10");
        assertThat(((YamlScalar) spec.get("flag").orElseThrow()).text()).isEqualTo("yes");
        assertThat(((YamlScalar) spec.get("quoted").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.STRING);
    }

    @Test
    void expandsAliasesAndMergeKeysInsteadOfReadingTheAnchorName() throws IOException {
        YamlFile file = read("a.yaml", "base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\n");
        YamlMap root = (YamlMap) file.documents().get(0).root();
        assertThat(root.get("copy").orElseThrow()).isInstanceOf(YamlMap.class);
        YamlMap merged = (YamlMap) root.get("merged").orElseThrow();
        assertThat(merged.text("x")).contains("1");
        assertThat(merged.text("y")).contains("3");
    }

    @Test
    void reportsDuplicateKeysAndKeepsTheFirst() throws IOException {
        YamlFile file = read("a.yaml", "a: 1\nb: 2\na: 3\n");
        assertThat(((YamlMap) file.documents().get(0).root()).text("a")).contains("1");
        assertThat(file.duplicateKeys()).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.getMessage()).isEqualTo("duplicate key 'a' (first at line 1); only the first is used");
        });
    }

    @Test
    void readsEveryDocumentOfAStream() throws IOException {
        YamlFile file = read("a.yaml", "a: 1\n---\n---\nb: 2\n...\n");
        assertThat(file.problem()).isEmpty();
        assertThat(file.documents()).hasSize(3);
        assertThat(file.documents().get(2).root().location().line()).isEqualTo(4);
    }

    @Test
    void malformedYamlIsOneProblemAtTheParsersPosition() throws IOException {
        YamlFile file = read("a.yaml", "a: 1\nb: [1, 2\nc: 3\n");
        assertThat(file.problem()).hasValueSatisfying(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.getMessage()).doesNotContain("\n").contains("flow sequence");
        });
    }

    @Test
    void documentsBeforeASyntaxErrorAreKept() throws IOException {
        YamlFile file = read("a.yaml", "a: 1\n---\nb: [\n");
        assertThat(file.documents()).hasSize(1);
        assertThat(file.problem()).isPresent();
    }

    @Test
    void billionLaughsIsStoppedByTheAliasBudget() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        YamlFile file = read("bomb.yaml", bomb.toString());
        assertThat(file.problem())
                .hasValueSatisfying(
                        p -> assertThat(p.getMessage())
                                .matches(
                                        "the (document uses more than maxAliases \\(50\\) aliases|aliases of this document expand .*)"));
    }

    @Test
    void aFewAliasesOfAliasesCannotExpandExponentially() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        YamlFile file = reader.read(Path.of("doubling.yaml"), bomb.toString());
        assertThat(file.problem())
                .hasValueSatisfying(p -> assertThat(p.getMessage())
                        .startsWith("the aliases of this document expand to more than 100000 nodes"));
    }

    @Test
    void tenThousandDeepNestingIsRefused() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        YamlFile file = read("deep.yaml", "a: " + deep + "\n");
        assertThat(file.problem()).hasValueSatisfying(p -> {
            assertThat(p.getMessage()).contains("nested deeper than maxNestingDepth");
            assertThat(p.location().line()).isEqualTo(1);
        });
        String block = "a:\n" + deepBlock(200);
        assertThat(read("block.yaml", block).problem())
                .hasValueSatisfying(p -> assertThat(p.getMessage()).contains("nested deeper than maxNestingDepth"));
    }

    private static String deepBlock(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            text.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return text.append("  ".repeat(depth + 1)).append("v\n").toString();
    }

    @Test
    void aFileLargerThanTheLimitIsNotReadAtAll() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("a: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        YamlFile file = reader.read(big);
        assertThat(file.problem()).hasValueSatisfying(p -> {
            assertThat(p.getMessage())
                    .startsWith("the file is 104857603 bytes, more than maxFileSize (16777216 bytes)");
            assertThat(p.location().line()).isEqualTo(1);
        });
    }

    @Test
    void aFileThatGrowsOrShrinksWhileItIsReadIsReadToItsEndUpToTheLimit() throws IOException {
        // The size is asked of the open file; what the file holds by the time it is read is what counts.
        byte[] text = "a: 1\nb: 2\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), text.length, 100))
                .isEqualTo(text);
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), 4, 100)).isEqualTo(text);
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), 0, text.length))
                .isEqualTo(text);
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), 40, 100)).isEqualTo(text);
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), 4, text.length - 1))
                .isNull();
        assertThat(YamlText.readAll(new ByteArrayInputStream(text), 4, 4)).isNull();
    }

    @Test
    void binaryGarbageIsOneProblem() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        YamlFile file = read("garbage.yaml", garbage);
        assertThat(file.problem())
                .hasValueSatisfying(p -> assertThat(p.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nonUtf8TextIsReportedAtItsLine() throws IOException {
        byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        YamlFile file = read("latin1.yaml", latin1);
        assertThat(file.problem()).hasValueSatisfying(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.getMessage()).startsWith("the file is not valid UTF-8 text");
        });
    }

    @Test
    void controlCharactersAreAProblemNotACrash() throws IOException {
        YamlFile file = read("nul.yaml", "a: 1\nb: x\u0000y\n");
        assertThat(file.problem())
                .hasValueSatisfying(p -> assertThat(p.location().line()).isEqualTo(2));
    }

    @Test
    void emptyFilesHoldNoDocument() throws IOException {
        assertThat(read("empty.yaml", "").isEmpty()).isTrue();
        assertThat(read("comments.yaml", "# nothing here\n---\n").isEmpty()).isTrue();
    }

    @Test
    void byteOrderMarksAndCrlfAreRead() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] text = "a: 1\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);
        YamlFile file = read("bom.yaml", both);
        assertThat(file.problem()).isEmpty();
        YamlMap root = (YamlMap) file.documents().get(0).root();
        assertThat(root.get("b").orElseThrow().location().line()).isEqualTo(2);
        assertThat(root.text("a")).contains("1");

        byte[] utf16 = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(read("utf16.yaml", utf16).problem()).isEmpty();
    }

    @Test
    void anUnreadableFileIsAProblem() {
        YamlFile file = reader.read(dir.resolve("missing.yaml"));
        assertThat(file.problem())
                .hasValueSatisfying(p -> assertThat(p.getMessage()).startsWith("the file cannot be read"));
    }

    @Test
    void limitsAreParameters() {
        YamlReader strict = new YamlReader(new YamlLimits(1000, 3, 1, 100));
        assertThat(strict.read(Path.of("x.yaml"), "a: {b: {c: {d: 1}}}\n").problem())
                .isPresent();
        assertThat(strict.read(Path.of("x.yaml"), "a: &x 1\nb: *x\nc: *x\n").problem())
                .hasValueSatisfying(p ->
                        assertThat(p.getMessage()).isEqualTo("the document uses more than maxAliases (1) aliases"));
    }

    @Test
    void aScalarOrKeyLongerThanTheLimitIsAProblemAtItsLine() {
        // Over many lines: one line may not be that long (below). 1,024 lines of 1,023 characters and a line break,
        // and one character more.
        String line = "x".repeat(1023);
        String block = ("  " + line + "\n").repeat(1024) + "  x\n";
        for (String yaml : List.of("a: 1\nb: |\n" + block, "a: 1\n? |\n" + block + ": 1\n")) {
            assertThat(reader.read(Path.of("x.yaml"), yaml).problem()).hasValueSatisfying(p -> {
                assertThat(p.getMessage())
                        .isEqualTo("a scalar of 1048578 characters, more than the limit of 1048576; "
                                + "the file was not read");
                assertThat(p.location().line()).isEqualTo(2);
            });
        }
        String justUnder = ("  " + line + "\n").repeat(1024);
        assertThat(reader.read(Path.of("x.yaml"), "a: |-\n" + justUnder).problem())
                .isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsParsedAtItsLine() {
        // The parser's time grows with the square of a comment's or a word's length on one line: 15 MiB took 100 s.
        for (String longLine : List.of(
                "# " + "x ".repeat(YamlLimits.MAX_LINE_LENGTH), "b: " + "x".repeat(YamlLimits.MAX_LINE_LENGTH))) {
            YamlFile file = reader.read(Path.of("x.yaml"), "a: 1\n" + longLine + "\nc: 2\n");
            assertThat(file.problem()).hasValueSatisfying(p -> {
                assertThat(p.getMessage())
                        .isEqualTo("line 2 is " + longLine.length() + " characters long, more than "
                                + "the 65536 the plugin reads on one line; the file was not read");
                assertThat(p.location()).isEqualTo(new Location(Path.of("x.yaml"), 2, 65537));
            });
        }
        assertThat(reader.read(Path.of("x.yaml"), "a: " + "x".repeat(YamlLimits.MAX_LINE_LENGTH - 3) + "\n")
                        .problem())
                .isEmpty();
    }

    @Test
    void aFileOfMoreNodesThanTheLimitIsRefusedAtTheFirstNodePastIt() {
        String items = "a, ".repeat(YamlLimits.MAX_NODES);
        StringBuilder flow = new StringBuilder("list: [\n");
        for (int from = 0; from < items.length(); from += 60_000) {
            flow.append(items, from, Math.min(items.length(), from + 60_000)).append('\n');
        }
        YamlFile file = reader.read(Path.of("x.yaml"), flow.append("]\n").toString());
        assertThat(file.problem())
                .hasValueSatisfying(p -> assertThat(p.getMessage())
                        .isEqualTo("the file holds more "
                                + "than 1000000 keys, values and collections, which no Exchange configuration needs; the file was not "
                                + "read"));
    }

    @Test
    void duplicateKeysPastAHundredAreOneProblemMore() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            yaml.append("a: ").append(i).append('\n');
        }
        YamlFile file = reader.read(Path.of("x.yaml"), yaml.toString());
        assertThat(file.duplicateKeys()).hasSize(101);
        assertThat(file.duplicateKeys().get(100).getMessage())
                .isEqualTo("duplicate key 'a', and more than 100 in this file; the others are not listed");
        assertThat(file.duplicateKeys().get(100).location().line()).isEqualTo(102);
    }

    @Test
    void nestingPastTheLimitIsAProblemAtTheCollectionThatBreaksIt() {
        YamlReader strict = new YamlReader(new YamlLimits(100_000, 3, 1, 100));
        assertThat(strict.read(Path.of("x.yaml"), "a:\n  b:\n    c: [1, {d: 1}]\n")
                        .problem())
                .hasValueSatisfying(p -> {
                    assertThat(p.getMessage()).isEqualTo("the YAML is nested deeper than maxNestingDepth (3)");
                    assertThat(p.location()).isEqualTo(new Location(Path.of("x.yaml"), 3, 8));
                });
    }
}
