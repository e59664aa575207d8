package io.github.exchangecompliance.yaml;

/**
 * The limits that keep a hostile or broken file from exhausting the build (SPEC section 7).
 *
 * @param maxFileSize bytes a file may have; a larger one is not read at all
 * @param maxNestingDepth how deep mappings and lists may nest
 * @param maxAliases how many aliases ({@code *name}) one document may use
 * @param maxExpandedNodes how many nodes the aliases of one document may stand for in all, so that a few aliases
 *     of aliases cannot expand into billions of nodes ("billion laughs")
 */
public record YamlLimits(long maxFileSize, int maxNestingDepth, int maxAliases, int maxExpandedNodes) {

    public static final long DEFAULT_MAX_FILE_SIZE = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    public static final int DEFAULT_MAX_ALIASES = 50;
    public static final int DEFAULT_MAX_EXPANDED_NODES = 100_000;
    /**
     * The longest key or value read, in characters: a fixed limit, far above any Exchange setting (a certificate
     * in PEM is a few thousand), so that one scalar cannot take the memory a whole repository needs.
     */
    public static final int MAX_SCALAR_LENGTH = 1 << 20;
    /**
     * The longest line read, in characters. The YAML parser's time grows with the square of a comment's or a word's
     * length on one line; at this length a file at maxFileSize still parses in about a second. Real repositories'
     * lines are a few hundred characters.
     */
    public static final int MAX_LINE_LENGTH = 1 << 16;
    /**
     * The most nodes (keys, values, collections) one file may hold: a 10 MiB flow list of five million items would
     * otherwise need gigabytes as a tree.
     */
    public static final int MAX_NODES = 1_000_000;

    public static YamlLimits defaults() {
        return new YamlLimits(
                DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_ALIASES, DEFAULT_MAX_EXPANDED_NODES);
    }
}
