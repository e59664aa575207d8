package io.github.exchangecompliance.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML files into location-carrying trees, under {@link YamlLimits}.
 *
 * <p>{@link YamlText} reads and decodes the file under the limits, Jackson streams its tokens, {@link TreeBuilder}
 * builds the trees with their locations, and {@link ParserErrors} turns what the parser refuses into one finding.
 */
public final class YamlReader {

    private final YamlLimits limits;
    private final ScalarAwareYamlFactory factory;
    private final SharedTexts texts = new SharedTexts();

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
        int maxChars = (int) Math.min(Integer.MAX_VALUE - 1, limits.maxFileSize());
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(maxChars);
        // One more than the limit: the tree builder's own check comes first, and it knows where and which limit.
        loader.setNestingDepthLimit(limits.maxNestingDepth() + 1);
        loader.setMaxAliasesForCollections(limits.maxAliases());
        loader.setProcessComments(false);
        // Duplicate keys are reported by the tree builder, which keeps reading; Jackson would stop at the first
        // (and LoaderOptions.setAllowDuplicateKeys(false) would turn that back on).
        this.factory = new ScalarAwareYamlFactory(YAMLFactory.builder()
                .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth() + 1)
                        .maxStringLength(maxChars)
                        .maxDocumentLength(limits.maxFileSize())
                        .build()));
    }

    public YamlLimits limits() {
        return limits;
    }

    /** Reads a file; never throws for anything the file contains. */
    public YamlFile read(Path file) {
        try {
            return parse(file, YamlText.of(file, limits));
        } catch (YamlProblem problem) {
            return failed(file, problem);
        } catch (IOException | SecurityException e) {
            return failed(
                    file,
                    new YamlProblem(
                            "the file cannot be read: " + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : " " + e.getMessage()),
                            Location.startOf(file)));
        }
    }

    /** Reads YAML text that did not come from a file (tests, generated input). */
    public YamlFile read(Path name, String text) {
        return parse(name, YamlText.stripBom(text));
    }

    private static YamlFile failed(Path file, YamlProblem problem) {
        return new YamlFile(file, List.of(), List.of(), Optional.of(problem));
    }

    private YamlFile parse(Path file, String text) {
        List<YamlDocument> documents = new ArrayList<>();
        List<YamlProblem> duplicates = new ArrayList<>();
        try {
            YamlText.checkLines(file, text);
        } catch (YamlProblem problem) {
            return failed(file, problem);
        }
        try (ScalarAwareYamlFactory.Parser parser =
                (ScalarAwareYamlFactory.Parser) factory.createParser(new StringReader(text))) {
            TreeBuilder builder = new TreeBuilder(file, parser, limits, texts, duplicates);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                YamlNode root = builder.buildFrom(token);
                boolean empty =
                        root instanceof YamlScalar s && s.isNull() && s.text().isEmpty();
                documents.add(new YamlDocument(empty ? null : root, documents.size()));
            }
            // The suppressions' reader looks at a file that names a suppression even when nothing was found there.
            return new YamlFile(
                    file, documents, duplicates, Optional.empty(), text.contains(YamlFile.SUPPRESSION_MARKER));
        } catch (YamlProblem problem) {
            return new YamlFile(file, documents, duplicates, Optional.of(problem));
        } catch (JsonProcessingException e) {
            return new YamlFile(file, documents, duplicates, Optional.of(ParserErrors.describe(file, text, e)));
        } catch (IOException | RuntimeException e) {
            return new YamlFile(
                    file,
                    documents,
                    duplicates,
                    Optional.of(new YamlProblem(
                            "the YAML parser failed: " + ParserErrors.oneLine(String.valueOf(e.getMessage())),
                            Location.startOf(file))));
        }
    }
}
