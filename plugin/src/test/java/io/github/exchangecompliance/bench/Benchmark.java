package io.github.exchangecompliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark of SPEC section 8, run by hand ({@code ./mvnw -q -pl plugin -Pbenchmark test-compile exec:java}):
 * generated organizations of 10, 1,000 and 10,000 servers in the native format and in Ansible, and for each, in
 * one run, the plugin's first (cold) check, then the check and a plain Jackson YAML parse of the same files (the
 * floor), each the median of eleven runs taken in turns after at least five warm-ups and ten seconds,
 * {@code yamllint} on them (Debian's package, when installed), their ratios, and the peak heap of the check.
 */
public final class Benchmark {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        List<Integer> sizes = List.of(10, 1_000, 10_000);
        System.out.println("| format | servers | files | MiB | first check (s) | check (s) | parse (s) | check/parse "
                + "| yamllint (s) | yamllint/check | ms per file | s per MiB | peak heap (MiB) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String format : List.of("native", "ansible")) {
            for (int servers : sizes) {
                Path dir = root.resolve(format + "-" + servers);
                Generator.generate(format, servers, dir);
                run(format, dir);
            }
        }
    }

    private static void run(String format, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        // Warm up, then take the median of eleven runs of each: the JIT and one slow run should not be what is
        // compared. The check's code keeps getting faster for many runs while the JIT compiles it on the same two
        // cores (10,000 Ansible hosts after five runs: 0.45 to 0.63 s; after fifteen: 0.33 to 0.37 s), so the
        // warm-up lasts at least five runs and ten seconds, as one of JMH's warm-up iterations does. The first
        // (cold) check is reported too. The peak heap is that of the first measured check, started after a
        // collection. Only the count of servers is kept from the warm-up: holding a whole model would burden the
        // measured runs' heap.
        int serversChecked = 0;
        double cold = 0;
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < WARM_UPS || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
            long start = System.nanoTime();
            serversChecked = check(dir).serversChecked();
            if (i == 0) {
                cold = (System.nanoTime() - start) / 1e9;
            }
            parse(files);
        }
        // The check and the parse are measured in turns: the machine's speed drifts by some 20 percent from one
        // minute to the next, and measured one after the other they would each see a different machine.
        double[] checks = new double[RUNS];
        double[] parses = new double[RUNS];
        long peak = 0;
        for (int i = 0; i < RUNS; i++) {
            if (i == 0) {
                System.gc();
                resetPeaks();
            }
            long start = System.nanoTime();
            check(dir);
            checks[i] = (System.nanoTime() - start) / 1e9;
            if (i == 0) {
                peak = peakHeap();
            }
            start = System.nanoTime();
            parse(files);
            parses[i] = (System.nanoTime() - start) / 1e9;
        }
        double checkSeconds = median(checks);
        double parseSeconds = median(parses);
        double lint = yamllint(dir);
        double mib = bytes / 1024.0 / 1024.0;
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %s | %.3f | %.2f | %d |%n",
                format,
                serversChecked,
                files.size(),
                mib,
                cold,
                checkSeconds,
                parseSeconds,
                checkSeconds / parseSeconds,
                lint < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", lint),
                lint < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", lint / checkSeconds),
                checkSeconds * 1000 / files.size(),
                checkSeconds / mib,
                peak / 1024 / 1024);
    }

    private static final int WARM_UPS = 5;
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final int RUNS = 11;

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static CheckResult check(Path dir) throws IOException {
        return new Checker(CheckConfig.of(dir)).check();
    }

    /** The floor: every document of every file read into Jackson's tree, nothing else. */
    private static void parse(List<Path> files) throws IOException {
        for (Path file : files) {
            if (file.toString().endsWith(".ini")) {
                Files.readAllLines(file, StandardCharsets.UTF_8);
                continue;
            }
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    it.next();
                }
            }
        }
    }

    private static double yamllint(Path dir) {
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("yamllint", "-d", "relaxed", "-f", "parsable", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.waitFor();
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
