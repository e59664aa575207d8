package io.github.exchangecompliance.yaml;

/**
 * One document of a YAML stream.
 *
 * @param root the document's root node, or null for an empty document
 * @param index 0-based position in the file
 */
public record YamlDocument(YamlNode root, int index) {}
