package io.github.exchangecompliance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The .NET Framework 4.x releases, the {@code Release} DWORD each one writes under
 * {@code HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full}, and the releases each Exchange cumulative update
 * supports ({@code data/dotnet-framework.tsv}, from Microsoft's supportability matrix, with its sources and date).
 */
public final class DotnetFramework {

    public static final RegistryPath NDP_FULL =
            RegistryPath.of("HKLM", "SOFTWARE", "Microsoft", "NET Framework Setup", "NDP", "v4", "Full");
    public static final String RELEASE = "Release";

    /** A version and the smallest {@code Release} value of it, oldest first. */
    private record Known(String version, long minimumRelease) {}

    /** The updates of a product from {@code first} to {@code last} (inclusive) support {@code versions}. */
    private record Support(String product, int first, int last, List<String> versions) {}

    private static final List<Known> VERSIONS = new ArrayList<>();
    private static final List<Support> SUPPORT = new ArrayList<>();

    static {
        for (String[] cells : BundledTable.rows("dotnet-framework.tsv", false)) {
            if (cells[0].equals("release")) {
                VERSIONS.add(new Known(cells[1], Long.parseLong(cells[2])));
            } else {
                SUPPORT.add(new Support(
                        cells[1],
                        Integer.parseInt(cells[2]),
                        Integer.parseInt(cells[3]),
                        List.of(cells[4].split(","))));
            }
        }
    }

    private DotnetFramework() {}

    /** The versions the plugin knows, oldest first ({@code 4.5} to {@code 4.8.1}). */
    public static List<String> versions() {
        return VERSIONS.stream().map(Known::version).toList();
    }

    public static boolean isKnown(String version) {
        return versions().contains(version.strip());
    }

    /** The version a {@code Release} value means: the newest whose smallest value it reaches. */
    public static Optional<String> ofRelease(long release) {
        String found = null;
        for (Known known : VERSIONS) {
            if (release >= known.minimumRelease()) {
                found = known.version();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The versions an Exchange update supports, oldest first; empty when the table does not say. */
    public static List<String> supportedBy(ExchangeVersion exchange) {
        return SUPPORT.stream()
                .filter(s -> s.product().equals(exchange.product())
                        && exchange.updateNumber() >= s.first()
                        && exchange.updateNumber() <= s.last())
                .findFirst()
                .map(Support::versions)
                .orElse(List.of());
    }

    /** Negative when {@code a} is older than {@code b}; both must be known. */
    public static int compare(String a, String b) {
        return Integer.compare(versions().indexOf(a.strip()), versions().indexOf(b.strip()));
    }
}
