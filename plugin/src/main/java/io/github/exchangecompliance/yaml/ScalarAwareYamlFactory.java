package io.github.exchangecompliance.yaml;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose parser also tells the anchor and the style of the scalar it just read: Jackson's
 * {@link YAMLParser#getCurrentAnchor()} reports anchors of mappings and lists only, and an alias of an anchored
 * scalar ({@code a: &x 1}, {@code b: *x}) must still be expanded, not read as the text {@code x}.
 */
final class ScalarAwareYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    ScalarAwareYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, reader);
    }

    /** The parser, which remembers the anchor of the last scalar value it decoded. */
    static final class Parser extends YAMLParser {
        private String scalarAnchor;
        private boolean scalarPlain;

        Parser(
                IOContext context,
                int parserFeatures,
                int yamlFeatures,
                org.yaml.snakeyaml.LoaderOptions options,
                Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, null, reader);
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent event) throws IOException {
            scalarAnchor = event.getAnchor();
            scalarPlain = event.isPlain();
            return super._decodeScalar(event);
        }

        /** The anchor of the scalar value just read ({@code &x} in {@code a: &x 1}), or null. */
        String scalarAnchor() {
            return scalarAnchor;
        }

        /** True when the scalar value just read was written without quotes. */
        boolean scalarPlain() {
            return scalarPlain;
        }
    }
}
