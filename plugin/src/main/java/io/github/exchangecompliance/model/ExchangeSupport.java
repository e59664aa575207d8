package io.github.exchangecompliance.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Microsoft supports an Exchange cumulative update, and on which Windows Server, at a date
 * ({@code data/exchange-support.tsv}, with its sources).
 */
public final class ExchangeSupport {

    private record Product(LocalDate endOfSupport, Map<String, Integer> windowsFromUpdate) {}

    private static final Map<String, Product> PRODUCTS = load();

    private ExchangeSupport() {}

    /** Why the update is not supported at the date, or empty when it is. */
    public static Optional<String> unsupported(ExchangeVersion version, LocalDate date, ExchangeVersions table) {
        Product product = PRODUCTS.get(version.product());
        if (product == null) {
            return Optional.empty();
        }
        if (product.endOfSupport() != null && !date.isBefore(product.endOfSupport())) {
            return Optional.of("Exchange " + version.product() + " is out of support since " + product.endOfSupport()
                    + " (Extended Security Updates do not count)");
        }
        if (version.updateNumber() < 0) {
            return Optional.empty(); // a CU the table does not list is judged by its product's support alone
        }
        List<ExchangeVersion> released = table.updates().stream()
                .filter(u -> u.product().equals(version.product())
                        && !u.releaseDate().isAfter(date))
                .sorted(Comparator.comparingInt(ExchangeVersion::updateNumber).reversed())
                .toList();
        if (released.size() > 2 && version.updateNumber() < released.get(1).updateNumber()) {
            return Optional.of("Microsoft supports only the latest two cumulative updates of Exchange "
                    + version.product() + ", " + released.get(0).update() + " and "
                    + released.get(1).update());
        }
        return Optional.empty();
    }

    /** Why the update does not support that Windows Server, or empty when it does. */
    public static Optional<String> unsupportedOn(ExchangeVersion version, String windows) {
        Product product = PRODUCTS.get(version.product());
        if (product == null) {
            return Optional.empty();
        }
        Integer from = product.windowsFromUpdate().get(windows);
        if (from != null && version.updateNumber() < 0) {
            return Optional.empty(); // which CU it is, and so what Windows it supports, is not known
        }
        if (from == null) {
            return Optional.of(
                    "Exchange " + version.product() + " does not support " + OperatingSystem.display(windows));
        }
        if (version.updateNumber() < from) {
            return Optional.of("Exchange " + version.product() + " supports " + OperatingSystem.display(windows)
                    + " from CU" + from + " on");
        }
        return Optional.empty();
    }

    private static Map<String, Product> load() {
        Map<String, Product> products = new HashMap<>();
        for (String[] cells : BundledTable.rows("exchange-support.tsv", false)) {
            Map<String, Integer> windows = new HashMap<>();
            for (String entry : cells[2].split(",")) {
                String[] parts = entry.split(":");
                windows.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
            }
            products.put(cells[0], new Product(cells[1].equals("-") ? null : LocalDate.parse(cells[1]), windows));
        }
        return Map.copyOf(products);
    }
}
