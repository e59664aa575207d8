package io.github.exchangecompliance.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of Exchange cumulative updates shipped in the jar ({@code data/exchange-builds.tsv}, from Microsoft's
 * "Exchange Server build numbers and release dates" and CSS-Exchange; compiled 2026-11-28). A version is a build
 * number ({@code 15.2.1544.4}) or a product and update ({@code 2019 CU14}, {@code SE RTM}); what the table does not
 * know is not guessed.
 */
public final class ExchangeVersions {

    private static final Pattern BUILD = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,5})(?:\\.\\d{1,5})?");
    /** {@code AdminDisplayVersion} as Exchange prints it: {@code Version 15.2 (Build 1544.4)}. */
    private static final Pattern DISPLAY = Pattern.compile(
            "version\\s+(\\d{1,5})\\.(\\d{1,5})\\s*\\(build\\s+(\\d{1,5})(?:\\.(\\d{1,5}))?\\)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NAME = Pattern.compile(
            "(?:exchange\\s+)?(?:server\\s+)?(2013|2016|2019|se)\\s+(cu\\s*\\d+|rtm)(?:\\s+.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final ExchangeVersions BUNDLED = load();

    private final List<ExchangeVersion> updates;
    /** Where 15.2 stops being Exchange 2019: the build number of SE's first release. */
    private final int firstSubscriptionEditionBuild;
    /** Every server names its version, most of them the same: each text is placed once. */
    private final Readings<Optional<ExchangeVersion>> placed = new Readings<>(this::placeText);

    ExchangeVersions(List<ExchangeVersion> updates) {
        this.updates = List.copyOf(updates);
        this.firstSubscriptionEditionBuild = this.updates.stream()
                .filter(ExchangeVersion::isSubscriptionEdition)
                .mapToInt(u ->
                        Integer.parseInt(u.buildShort().substring(u.buildShort().lastIndexOf('.') + 1)))
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    public static ExchangeVersions bundled() {
        return BUNDLED;
    }

    public List<ExchangeVersion> updates() {
        return updates;
    }

    /** The cumulative update a version string names, or empty when the table does not know it. */
    public Optional<ExchangeVersion> find(String text) {
        String written = text.strip();
        Optional<int[]> build = build(written);
        if (build.isPresent()) {
            String buildShort = build.get()[0] + "." + build.get()[1] + "." + build.get()[2];
            return updates.stream()
                    .filter(u -> u.buildShort().equals(buildShort))
                    .findFirst();
        }
        Matcher name = NAME.matcher(written);
        if (name.matches()) {
            String product = name.group(1).toUpperCase(Locale.ROOT);
            String update = updateOf(name);
            return updates.stream()
                    .filter(u -> u.product().equals(product) && u.update().equals(update))
                    .findFirst();
        }
        return Optional.empty();
    }

    /**
     * A version the table does not list (a CU older than its first rows, or newer than its compilation), placed
     * as far as the text allows: its product and major.minor, with update number -1. Known versions as
     * {@link #find}; empty when not even the product can be told.
     */
    public Optional<ExchangeVersion> place(String text) {
        return placed.of(text);
    }

    private Optional<ExchangeVersion> placeText(String text) {
        Optional<ExchangeVersion> known = find(text);
        if (known.isPresent()) {
            return known;
        }
        String written = text.strip();
        Optional<int[]> build = build(written);
        if (build.isPresent()) {
            String majorMinor = build.get()[0] + "." + build.get()[1];
            int number = build.get()[2];
            String product = switch (majorMinor) {
                case "15.0" -> "2013";
                case "15.1" -> "2016";
                case "15.2" -> number >= firstSubscriptionEditionBuild ? "SE" : "2019";
                default -> null;
            };
            return Optional.ofNullable(product)
                    .map(p -> new ExchangeVersion(
                            p, "(build " + majorMinor + "." + number + ")", -1, majorMinor + "." + number, null));
        }
        Matcher name = NAME.matcher(written);
        if (name.matches()) {
            String product = name.group(1).toUpperCase(Locale.ROOT);
            String majorMinor = switch (product) {
                case "2013" -> "15.0";
                case "2016" -> "15.1";
                default -> "15.2";
            };
            return Optional.of(new ExchangeVersion(product, updateOf(name), -1, majorMinor + ".0", null));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a version the table does not list but that lies beyond it: a cumulative update after the
     * last of a product whose line has ended ({@code 2019 CU16}: Exchange 2019 ended with CU15) is no real update;
     * an SE build newer than the table's newest may be real, but the table cannot judge it.
     *
     * @param endedLine true for an update of an ended line (no such update exists), false for a newer SE build
     */
    public record Beyond(boolean endedLine, String message) {}

    /** Why a version lies beyond the table, or empty when the table lists it, or it is older than the table. */
    public Optional<Beyond> beyond(String text) {
        Optional<ExchangeVersion> placed = place(text);
        if (placed.isEmpty() || placed.get().updateNumber() >= 0) {
            return Optional.empty();
        }
        String product = placed.get().product();
        Optional<ExchangeVersion> newest = updates.stream()
                .filter(u -> u.product().equals(product))
                .max(Comparator.comparing(ExchangeVersion::releaseDate));
        if (newest.isEmpty() || !isAfter(text.strip(), newest.get())) {
            return Optional.empty();
        }
        ExchangeVersion last = newest.get();
        String lastText = last.update() + " (" + last.buildShort() + ", " + last.releaseDate() + ")";
        if (product.equals("SE")) {
            return Optional.of(new Beyond(
                    false,
                    "the Exchange version '" + text.strip() + "' is newer than every "
                            + "Exchange SE update the plugin's table lists (the newest is SE " + lastText
                            + "); the rules judge it "
                            + "as an SE build, and a newer plugin knows it"));
        }
        return Optional.of(new Beyond(
                true,
                "the Exchange version '" + text.strip() + "' names no real update: Exchange "
                        + product + "'s line ended with " + lastText
                        + "; write the server's build (Get-ExchangeServer | "
                        + "Format-List AdminDisplayVersion)"));
    }

    /** True when a version text lies after the table's newest update of its product. */
    private static boolean isAfter(String written, ExchangeVersion newest) {
        Optional<int[]> build = build(written);
        if (build.isPresent()) {
            String[] parts = newest.buildShort().split("\\.");
            return build.get()[2] > Integer.parseInt(parts[2]);
        }
        Matcher name = NAME.matcher(written);
        if (!name.matches() || !name.group(2).toUpperCase(Locale.ROOT).startsWith("CU")) {
            return false;
        }
        int number = Integer.parseInt(updateOf(name).substring(2));
        return number > newest.updateNumber();
    }

    /**
     * Major, minor and build of a build number or an AdminDisplayVersion. Microsoft writes builds short
     * (15.2.1544.4) and long (15.02.1544.004): the numbers are what count.
     */
    /**
     * {@code AdminDisplayVersion} as a build number, as a person writes it: {@code Version 15.2 (Build 1544.4)} is
     * {@code 15.2.1544.4}; empty for any other text.
     */
    public static Optional<String> buildNumber(String displayVersion) {
        Matcher display = DISPLAY.matcher(displayVersion.strip());
        if (!display.matches()) {
            return Optional.empty();
        }
        return Optional.of(display.group(1) + "." + display.group(2) + "." + display.group(3)
                + (display.group(4) == null ? "" : "." + display.group(4)));
    }

    private static Optional<int[]> build(String written) {
        Matcher build = BUILD.matcher(written);
        if (!build.matches()) {
            build = DISPLAY.matcher(written);
        }
        if (!build.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {
            Integer.parseInt(build.group(1)), Integer.parseInt(build.group(2)), Integer.parseInt(build.group(3))
        });
    }

    private static String updateOf(Matcher name) {
        return name.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static ExchangeVersions load() {
        List<ExchangeVersion> rows = new ArrayList<>();
        for (String[] cells : BundledTable.rows("exchange-builds.tsv", true)) {
            // Security and hotfix updates have a space in their name; the CU row stands for them all.
            if (cells.length < 5 || cells[1].contains(" ")) {
                continue;
            }
            String update = cells[1];
            int number = update.startsWith("CU") ? Integer.parseInt(update.substring(2)) : 0;
            rows.add(new ExchangeVersion(cells[0], update, number, cells[2], LocalDate.parse(cells[4])));
        }
        return new ExchangeVersions(rows);
    }
}
