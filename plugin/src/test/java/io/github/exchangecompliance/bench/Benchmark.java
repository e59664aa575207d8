package io.github.exchangecompliance.bench;

import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.Checker;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark of SPEC section 8, run by hand ({@code ./mvnw -q -pl plugin -Pbenchmark test-compile exec:java}).
 *
 * <p>Cold, as {@code mvn verify} runs the plugin: for each shape of {@link Generator} at 1,000 and 10,000 servers,
 * and for the bundled 3-server example, the check in a fresh JVM ({@code -Xmx512m}) and a one-thread Jackson tree
 * parse of the same files in a fresh JVM, in turns, {@code bench.rounds} times (5); medians and ranges, their
 * ratio, the check's peak heap, and {@code yamllint} on the same files (Debian's package, when installed).
 *
 * <p>Warm, as a second table: the same check and parse in this JVM, each the median of eleven runs in turns after
 * at least five warm-ups and ten seconds (the JIT keeps compiling the check for many runs on two cores).
 *
 * <p>System properties choose less: {@code bench.shapes} (a comma list), {@code bench.sizes}, {@code
 * bench.rounds}, {@code bench.yamllint=false}, {@code bench.warm=false}.
 */
public final class Benchmark {

    private static final int WARM_UPS = 5;
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final int WARM_RUNS = 11;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        List<String> shapes = list("bench.shapes", String.join(",", Generator.SHAPES));
        List<Integer> sizes = list("bench.sizes", "1000,10000").stream()
                .map(Integer::parseInt)
                .toList();
        int rounds = Integer.getInteger("bench.rounds", 5);
        boolean lint = !"false".equals(System.getProperty("bench.yamllint"));
        List<Path> dirs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Path example = Path.of(args.length > 1 ? args[1] : "../examples/exchange");
        if (Files.isDirectory(example)) {
            dirs.add(example);
            names.add("the bundled example");
        }
        for (String shape : shapes) {
            for (int servers : sizes) {
                Path dir = root.resolve(shape + "-" + servers);
                Generator.generate(shape, servers, dir);
                dirs.add(dir);
                names.add(shape);
            }
        }
        System.out.println("Cold: a fresh JVM for each run, " + rounds + " runs of each in turns; median (range)");
        System.out.println();
        System.out.println("| shape | servers | files | MiB | check (s) | parse (s) | check/parse | peak heap (MiB) "
                + "| yamllint (s) | yamllint/check |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < dirs.size(); i++) {
            cold(names.get(i), dirs.get(i), rounds, lint);
        }
        if (!"false".equals(System.getProperty("bench.warm"))) {
            System.out.println();
            System.out.println("Warm: in one JVM after warm-up; median of " + WARM_RUNS + " runs in turns");
            System.out.println();
            System.out.println("| shape | servers | check (s) | parse (s) | check/parse |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (int i = 0; i < dirs.size(); i++) {
                warm(names.get(i), dirs.get(i));
            }
        }
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static void cold(String shape, Path dir, int rounds, boolean lint) throws Exception {
        List<Path> files = ColdRun.files(dir);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        double[] checks = new double[rounds];
        double[] parses = new double[rounds];
        long peak = 0;
        long servers = 0;
        for (int i = 0; i < rounds; i++) {
            String[] check = fresh("check", dir);
            checks[i] = Double.parseDouble(check[0]);
            peak = Math.max(peak, Long.parseLong(check[1]));
            servers = Long.parseLong(check[2]);
            parses[i] = Double.parseDouble(fresh("parse", dir)[0]);
        }
        double check = median(checks);
        double yamllint = lint ? yamllint(dir) : -1;
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %,d | %.1f | %s | %s | %.2f | %d | %s | %s |%n",
                shape,
                servers,
                files.size(),
                bytes / 1024.0 / 1024.0,
                spread(checks),
                spread(parses),
                check / median(parses),
                peak,
                yamllint < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", yamllint),
                yamllint < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", yamllint / check));
    }

    /** One {@link ColdRun} in a new JVM with the heap {@code -Xmx512m} allows: its seconds, peak MiB, count. */
    private static String[] fresh(String mode, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        classpath(),
                        ColdRun.class.getName(),
                        mode,
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mode + " of " + dir + " failed: " + out);
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1].split(" ");
    }

    /** The test classpath exec:java runs this with (its class loader's), else this JVM's. */
    private static String classpath() {
        if (Benchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(URL::getFile).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String spread(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", median(seconds), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void warm(String shape, Path dir) throws Exception {
        List<Path> files = ColdRun.files(dir);
        int servers = 0;
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < WARM_UPS || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
            servers = new Checker(CheckConfig.of(dir)).check().serversChecked();
            ColdRun.parse(files);
        }
        // In turns: the machine's speed drifts by some 20 percent from one minute to the next.
        double[] checks = new double[WARM_RUNS];
        double[] parses = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long start = System.nanoTime();
            new Checker(CheckConfig.of(dir)).check();
            checks[i] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            ColdRun.parse(files);
            parses[i] = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %.3f | %.3f | %.2f |%n",
                shape,
                servers,
                median(checks),
                median(parses),
                median(checks) / median(parses));
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
}
