package io.github.exchangecompliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One measurement in a fresh JVM, as {@code mvn verify} sees the plugin: nothing of ours loaded or compiled yet.
 * {@code check <dir>} times the check as the plugin's own "in N s" does; {@code parse <dir>} times the floor it is
 * compared with, a one-thread Jackson tree parse of every YAML file (and a plain read of the INI inventory). It
 * prints the seconds, the peak heap in MiB and what was found, on one line.
 */
public final class ColdRun {

    private ColdRun() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        long start = System.nanoTime();
        long found;
        if (args[0].equals("check")) {
            CheckResult result = new Checker(CheckConfig.of(dir)).check();
            found = result.serversChecked();
        } else {
            found = parse(files(dir));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%.4f %d %d%n", seconds, peakHeapMiB(), found);
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".pem"))
                    .sorted()
                    .toList();
        }
    }

    /** Every document of every file read into Jackson's tree, nothing else; the count of documents. */
    static long parse(List<Path> files) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        long documents = 0;
        for (Path file : files) {
            if (file.toString().endsWith(".ini")) {
                Files.readAllLines(file, StandardCharsets.UTF_8);
                continue;
            }
            try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    it.next();
                    documents++;
                }
            }
        }
        return documents;
    }

    static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                / 1024
                / 1024;
    }
}
