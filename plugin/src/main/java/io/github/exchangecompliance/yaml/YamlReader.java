package io.github.exchangecompliance.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML files into location-carrying trees, under {@link YamlLimits}.
 *
 * <p>Jackson streams the tokens; this class builds the tree, because Jackson's own tree has no locations. It also
 * does what Jackson leaves to the caller: it expands aliases (counted and bounded, never read as the anchor's
 * name), applies YAML merge keys ({@code <<}), and reports duplicate keys instead of keeping the last value.
 */
public final class YamlReader {

    private static final String MERGE_KEY = "<<";
    /** Duplicate keys listed for one file; past this one finding says there are more. */
    static final int MOST_DUPLICATES_LISTED = 100;

    private final YamlLimits limits;
    private final ScalarAwareYamlFactory factory;

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
            return parse(file, decode(file, bytesOf(file)));
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

    /** The most bytes one array holds: a larger maxFileSize still reads no more than this. */
    private static final long MOST_BYTES = SourceFiles.MOST_BYTES;

    /**
     * The file's bytes, its size asked of the open file: asking the path first cost a second look at the disk for
     * each of thousands of files.
     */
    private byte[] bytesOf(Path file) throws IOException, YamlProblem {
        long limit = Math.min(limits.maxFileSize(), MOST_BYTES);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > limit) {
                throw tooLarge(file, "is " + size + " bytes", limit);
            }
            byte[] bytes = readAll(Channels.newInputStream(channel), (int) size, limit);
            if (bytes == null) {
                throw tooLarge(file, "grew to more than " + limit + " bytes while it was read", limit);
            }
            return bytes;
        }
    }

    /**
     * Reads to the end a stream expected to hold {@code expected} bytes: fewer when the file shrank, more when it
     * grew meanwhile, but null when that is more than {@code limit} (at most {@link #MOST_BYTES}).
     */
    static byte[] readAll(InputStream in, int expected, long limit) throws IOException {
        byte[] bytes = in.readNBytes(expected);
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        long allowed = Math.min(limit, MOST_BYTES) - bytes.length - 1;
        if (allowed < 0) {
            return null;
        }
        byte[] rest = in.readNBytes((int) Math.min(allowed + 1, MOST_BYTES));
        if (rest.length > allowed) {
            return null;
        }
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = (byte) next;
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
    }

    private YamlProblem tooLarge(Path file, String what, long limit) {
        String most = limit < limits.maxFileSize()
                ? "the " + limit + " bytes the plugin reads in one file"
                : "maxFileSize (" + limit + " bytes)";
        return new YamlProblem(
                "the file " + what + ", more than " + most + "; it was not read", Location.startOf(file));
    }

    /** Reads YAML text that did not come from a file (tests, generated input). */
    public YamlFile read(Path name, String text) {
        return parse(name, stripBom(text));
    }

    private static YamlFile failed(Path file, YamlProblem problem) {
        return new YamlFile(file, List.of(), List.of(), Optional.of(problem));
    }

    /** UTF-8 (with or without a BOM) and UTF-16 with a BOM, as YAML 1.2 allows; anything else is EX0001. */
    static String decode(Path file, byte[] bytes) throws YamlProblem {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return strict(file, bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return strict(file, bytes, 2, StandardCharsets.UTF_16LE);
        }
        boolean utf8Bom = bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return strict(file, bytes, utf8Bom ? 3 : 0, StandardCharsets.UTF_8);
    }

    private static String strict(Path file, byte[] bytes, int offset, java.nio.charset.Charset charset)
            throws YamlProblem {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = offset;
            if (e instanceof MalformedInputException) {
                bad = findBadByte(bytes, offset, charset);
            }
            int line = 1;
            int column = 1;
            for (int i = offset; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xc0) != 0x80) {
                    column++;
                }
            }
            return throwing(new YamlProblem(
                    "the file is not valid " + charset.name() + " text (byte " + bad
                            + " cannot be decoded); save it as UTF-8",
                    new Location(file, line, column)));
        }
    }

    private static int findBadByte(byte[] bytes, int offset, java.nio.charset.Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static String throwing(YamlProblem problem) throws YamlProblem {
        throw problem;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A line longer than {@link YamlLimits#MAX_LINE_LENGTH}: the YAML parser takes time in the square of a comment's
     * or a scalar's length on one line (15 MiB on one line: 100 s), so such a file is refused before it is parsed.
     */
    private static void checkLines(Path file, String text) throws YamlProblem {
        int line = 1;
        for (int start = 0; start < text.length(); line++) {
            int end = text.indexOf('\n', start);
            int length = (end < 0 ? text.length() : end) - start;
            if (length > YamlLimits.MAX_LINE_LENGTH) {
                throw new YamlProblem(
                        "line " + line + " is " + length + " characters long, more than the "
                                + YamlLimits.MAX_LINE_LENGTH + " the plugin reads on one line; the file was not read",
                        new Location(file, line, YamlLimits.MAX_LINE_LENGTH + 1));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
    }

    private YamlFile parse(Path file, String text) {
        List<YamlDocument> documents = new ArrayList<>();
        List<YamlProblem> duplicates = new ArrayList<>();
        try {
            checkLines(file, text);
        } catch (YamlProblem problem) {
            return failed(file, problem);
        }
        try (ScalarAwareYamlFactory.Parser parser =
                (ScalarAwareYamlFactory.Parser) factory.createParser(new StringReader(text))) {
            TreeBuilder builder = new TreeBuilder(file, parser, duplicates);
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
            return new YamlFile(file, documents, duplicates, Optional.of(describe(file, text, e)));
        } catch (IOException | RuntimeException e) {
            return new YamlFile(
                    file,
                    documents,
                    duplicates,
                    Optional.of(new YamlProblem(
                            "the YAML parser failed: " + oneLine(String.valueOf(e.getMessage())),
                            Location.startOf(file))));
        }
    }

    /** One line with the parser's own words and position, instead of SnakeYAML's multi-line excerpt. */
    private static YamlProblem describe(Path file, String text, JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ReaderException unreadable) {
            // SnakeYAML's reader gives a character offset, not a line: count the lines up to it.
            Location at = locate(file, text, unreadable.getPosition());
            return new YamlProblem(
                    String.format(
                            java.util.Locale.ROOT,
                            "the file holds the control character U+%04X, which YAML does not allow",
                            unreadable.getCodePoint()),
                    at);
        }
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new YamlProblem(
                    oneLine(problem + context), new Location(file, mark.getLine() + 1, mark.getColumn() + 1));
        }
        JsonLocation where = e.getLocation();
        Location location =
                where == null ? Location.startOf(file) : new Location(file, where.getLineNr(), where.getColumnNr());
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            message = "the YAML is nested deeper than maxNestingDepth allows";
        }
        return new YamlProblem(oneLine(String.valueOf(message)), location);
    }

    private static Location locate(Path file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    /** Builds one document's tree from the token stream, without recursion so depth cannot overflow the stack. */
    private final class TreeBuilder {
        private final Path file;
        private final ScalarAwareYamlFactory.Parser parser;
        private final List<YamlProblem> duplicates;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final IdentityHashMap<YamlNode, Integer> sizes = new IdentityHashMap<>();
        private int aliases;
        private long expanded;
        /** Nodes built in the whole file, all its documents: bounded by {@link YamlLimits#MAX_NODES}. */
        private int nodes;

        TreeBuilder(Path file, ScalarAwareYamlFactory.Parser parser, List<YamlProblem> duplicates) {
            this.file = file;
            this.parser = parser;
            this.duplicates = duplicates;
        }

        YamlNode buildFrom(JsonToken first) throws IOException, YamlProblem {
            anchors.clear();
            sizes.clear();
            aliases = 0;
            expanded = 0;
            Deque<Frame> stack = new ArrayDeque<>();
            JsonToken token = first;
            while (true) {
                Location at = here();
                boolean ends = token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY;
                if (!ends && ++nodes > YamlLimits.MAX_NODES) {
                    throw new YamlProblem(
                            "the file holds more than " + YamlLimits.MAX_NODES + " keys, values and "
                                    + "collections, which no Exchange configuration needs; the file was not read",
                            at);
                }
                YamlNode done = null;
                int doneSize = 1;
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= limits.maxNestingDepth()) {
                            throw new YamlProblem(
                                    "the YAML is nested deeper than maxNestingDepth (" + limits.maxNestingDepth() + ")",
                                    at);
                        }
                        stack.push(new Frame(token == JsonToken.START_OBJECT, at, anchor(parser)));
                    }
                    case FIELD_NAME ->
                        stack.peek().key =
                                new YamlScalar(checkLength(parser.currentName(), at), YamlScalar.Kind.STRING, at);
                    case END_OBJECT, END_ARRAY -> {
                        Frame frame = stack.pop();
                        done = frame.finish(duplicates);
                        doneSize = frame.size;
                        remember(frame.anchor, done, doneSize);
                    }
                    default -> {
                        if (parser.isCurrentAlias()) {
                            done = alias(parser.getText(), at);
                            doneSize = sizes.getOrDefault(done, 1);
                        } else {
                            done = scalar(token, at);
                            remember(parser.scalarAnchor(), done, 1);
                        }
                    }
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        return done;
                    }
                    stack.peek().add(done, doneSize);
                }
                token = parser.nextToken();
                if (token == null) {
                    throw new YamlProblem("the YAML ends in the middle of a structure", here());
                }
            }
        }

        /** A key or value longer than any Exchange setting is a limit broken (SPEC section 7), not a value. */
        private String checkLength(String text, Location at) throws YamlProblem {
            if (text != null && text.length() > YamlLimits.MAX_SCALAR_LENGTH) {
                throw new YamlProblem(
                        "a scalar of " + text.length() + " characters, more than the limit of "
                                + YamlLimits.MAX_SCALAR_LENGTH + "; the file was not read",
                        at);
            }
            return text;
        }

        private Location here() {
            JsonLocation l = parser.currentTokenLocation();
            return new Location(file, l.getLineNr(), l.getColumnNr());
        }

        private void remember(String anchor, YamlNode node, int size) {
            if (anchor != null) {
                anchors.put(anchor, node);
                sizes.put(node, size);
            }
        }

        private YamlNode alias(String name, Location at) throws YamlProblem {
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new YamlProblem("the alias *" + name + " names no anchor defined before it", at);
            }
            if (++aliases > limits.maxAliases()) {
                throw new YamlProblem(
                        "the document uses more than maxAliases (" + limits.maxAliases() + ") aliases", at);
            }
            expanded += sizes.getOrDefault(target, 1);
            if (expanded > limits.maxExpandedNodes()) {
                throw new YamlProblem(
                        "the aliases of this document expand to more than " + limits.maxExpandedNodes()
                                + " nodes (a YAML bomb?)",
                        at);
            }
            return target;
        }

        private YamlScalar scalar(JsonToken token, Location at) throws IOException, YamlProblem {
            YamlScalar.Kind kind = switch (token) {
                case VALUE_NUMBER_INT -> YamlScalar.Kind.INTEGER;
                case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.DECIMAL;
                case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
                case VALUE_NULL -> YamlScalar.Kind.NULL;
                default -> YamlScalar.Kind.STRING;
            };
            String text = checkLength(parser.getText(), at);
            if (kind == YamlScalar.Kind.NULL
                    || (kind == YamlScalar.Kind.STRING && parser.scalarPlain() && text != null && text.isEmpty())) {
                kind = YamlScalar.Kind.NULL;
                text = "";
            }
            return new YamlScalar(text == null ? "" : text, kind, at);
        }
    }

    /** A mapping or sequence under construction. */
    private static final class Frame {
        final boolean map;
        final Location location;
        final String anchor;
        final List<YamlMap.Entry> entries = new ArrayList<>();
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode> merges = new ArrayList<>();
        YamlScalar key;
        int size = 1;

        Frame(boolean map, Location location, String anchor) {
            this.map = map;
            this.location = location;
            this.anchor = anchor;
        }

        void add(YamlNode node, int nodeSize) {
            size += nodeSize;
            if (!map) {
                items.add(node);
            } else if (MERGE_KEY.equals(key.text())) {
                merges.add(node);
            } else {
                entries.add(new YamlMap.Entry(key, node));
            }
        }

        YamlNode finish(List<YamlProblem> duplicates) {
            if (!map) {
                return new YamlSeq(items, location);
            }
            Map<String, YamlMap.Entry> seen = new HashMap<>();
            List<YamlMap.Entry> unique = new ArrayList<>();
            for (YamlMap.Entry e : entries) {
                YamlMap.Entry first = seen.putIfAbsent(e.name(), e);
                if (first == null) {
                    unique.add(e);
                } else if (duplicates.size() < MOST_DUPLICATES_LISTED) {
                    duplicates.add(new YamlProblem(
                            "duplicate key '" + e.name() + "' (first at line "
                                    + first.key().location().line() + "); only the first is used",
                            e.key().location()));
                } else if (duplicates.size() == MOST_DUPLICATES_LISTED) {
                    duplicates.add(new YamlProblem(
                            "duplicate key '" + e.name() + "', and more than " + MOST_DUPLICATES_LISTED
                                    + " in this file; the others are not listed",
                            e.key().location()));
                }
            }
            // YAML merge keys: explicit keys win, then earlier merged mappings over later ones.
            for (YamlNode merged : merges) {
                List<YamlNode> sources = merged instanceof YamlSeq seq ? seq.items() : List.of(merged);
                for (YamlNode source : sources) {
                    if (source instanceof YamlMap m) {
                        for (YamlMap.Entry e : m.entries()) {
                            if (seen.putIfAbsent(e.name(), e) == null) {
                                unique.add(e);
                            }
                        }
                    }
                }
            }
            return new YamlMap(unique, location);
        }
    }

    /** The anchor of the collection just opened ({@code &name}), or null: Jackson's object id for YAML. */
    private static String anchor(ScalarAwareYamlFactory.Parser parser) throws IOException {
        Object id = parser.getObjectId();
        return id == null ? null : id.toString();
    }
}
