package io.github.exchangecompliance.clixml;

import io.github.exchangecompliance.model.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a PowerShell CliXml file ({@code Export-Clixml}), as {@code Import-Clixml} would give it back: an object
 * with properties, a list, a hashtable, or a primitive. Each remembers the line it was written on.
 */
public sealed interface CliValue {

    Location location();

    /**
     * An object: its type names (most derived first), its properties (adapted and extended, in file order; names
     * matched without regard to case, as PowerShell matches them) and the text its {@code ToString} gave.
     */
    record CliObject(List<String> typeNames, Map<String, CliValue> properties, String toStringText, Location location)
            implements CliValue {

        public CliObject {
            typeNames = List.copyOf(typeNames);
        }

        public Optional<CliValue> property(String name) {
            CliValue direct = properties.get(name);
            if (direct != null) {
                return Optional.of(direct);
            }
            return properties.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        /**
         * True when one of its type names ends with {@code simpleName}: {@code ReceiveConnector} for
         * {@code Microsoft.Exchange...ReceiveConnector}, {@code Win32_OperatingSystem} for a CIM instance's
         * {@code ...CimInstance#root/cimv2/Win32_OperatingSystem} (Get-WmiObject's {@code ...ManagementObject#root\\cimv2\\...}).
         */
        public boolean isA(String simpleName) {
            return typeNames.stream()
                    .anyMatch(t -> t.equals(simpleName)
                            || t.endsWith("." + simpleName)
                            || t.endsWith("/" + simpleName)
                            || t.endsWith("\\" + simpleName)
                            || t.endsWith("#" + simpleName));
        }
    }

    /** A list, array, stack or queue ({@code LST}, {@code IE}, {@code STK}, {@code QUE}). */
    record CliList(List<CliValue> items, Location location) implements CliValue {
        public CliList {
            items = List.copyOf(items);
        }
    }

    /** A hashtable or dictionary ({@code DCT}); keys as their text. */
    record CliDictionary(Map<String, CliValue> entries, Location location) implements CliValue {}

    /**
     * A primitive: {@code value} is a String, Long, Double, Boolean, byte[] or null ({@code Nil}); {@code tag} the
     * element it was written as ({@code S}, {@code I32}, {@code B}, {@code BA}, ...).
     */
    record CliPrimitive(Object value, String tag, Location location) implements CliValue {

        /** The value as text, as PowerShell would print it; null for Nil. */
        public String text() {
            if (value == null) {
                return null;
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            return value instanceof byte[] bytes ? "(" + bytes.length + " bytes)" : value.toString();
        }
    }
}
