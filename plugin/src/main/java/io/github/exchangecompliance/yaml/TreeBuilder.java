package io.github.exchangecompliance.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one document's tree from Jackson's token stream, each node with its location (Jackson's own tree has
 * none), without recursion so depth cannot overflow the stack. It does what Jackson leaves to the caller: it
 * expands aliases (counted and bounded, never read as the anchor's name), applies YAML merge keys ({@code <<}), and
 * reports duplicate keys instead of keeping the last value.
 */
final class TreeBuilder {

    private static final String MERGE_KEY = "<<";
    /** Duplicate keys listed for one file; past this one finding says there are more. */
    static final int MOST_DUPLICATES_LISTED = 100;

    private final Path file;
    private final ScalarAwareYamlFactory.Parser parser;
    private final YamlLimits limits;
    private final SharedTexts texts;
    private final List<YamlProblem> duplicates;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final IdentityHashMap<YamlNode, Integer> sizes = new IdentityHashMap<>();
    private int aliases;
    private long expanded;
    /** Nodes built in the whole file, all its documents: bounded by {@link YamlLimits#MAX_NODES}. */
    private int nodes;

    TreeBuilder(
            Path file,
            ScalarAwareYamlFactory.Parser parser,
            YamlLimits limits,
            SharedTexts texts,
            List<YamlProblem> duplicates) {
        this.file = file;
        this.parser = parser;
        this.limits = limits;
        this.texts = texts;
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
                            new YamlScalar(texts.of(checkLength(parser.currentName(), at)), YamlScalar.Kind.STRING, at);
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
            throw new YamlProblem("the document uses more than maxAliases (" + limits.maxAliases() + ") aliases", at);
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
        return new YamlScalar(text == null ? "" : texts.of(text), kind, at);
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
