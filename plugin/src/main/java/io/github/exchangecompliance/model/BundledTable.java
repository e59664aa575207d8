package io.github.exchangecompliance.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table the plugin carries in its jar ({@code io/github/exchangecompliance/data/}, each with its
 * sources in its comments): its rows, without comment lines ({@code #}), blank lines and a header.
 */
public final class BundledTable {

    private BundledTable() {}

    /**
     * The rows of a bundled tab-separated table, split into columns.
     *
     * @param fileName the table's file under the data folder
     * @param header true when the first line names the columns
     */
    public static List<String[]> rows(String fileName, boolean header) {
        try (InputStream in =
                BundledTable.class.getResourceAsStream("/io/github/exchangecompliance/data/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException(fileName + " is missing from the plugin jar");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (header) {
                reader.readLine();
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
