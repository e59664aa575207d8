package io.github.exchangecompliance.model;

import java.util.OptionalLong;

/**
 * One registry value as declared: its name, type and data, and where it was written.
 *
 * @param name the value name, as written
 * @param type the registry type, or {@link Type#ABSENT} for a value the code removes
 * @param number the data of a DWORD or QWORD
 * @param text the data as written (for messages), or the string data
 */
public record RegistryValue(String name, Type type, Long number, String text, Location location) {

    public enum Type {
        DWORD("REG_DWORD"),
        QWORD("REG_QWORD"),
        STRING("REG_SZ"),
        EXPAND_STRING("REG_EXPAND_SZ"),
        MULTI_STRING("REG_MULTI_SZ"),
        BINARY("REG_BINARY"),
        ABSENT("removed"),
        /** Written with a template or condition the plugin does not evaluate (EX0003): rules cannot verify it. */
        UNKNOWN("not evaluated");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static RegistryValue dword(String name, long number, String text, Location location) {
        return new RegistryValue(name, Type.DWORD, number, text, location);
    }

    public boolean isDword() {
        return type == Type.DWORD;
    }

    /** The DWORD data, when this is a DWORD. */
    public OptionalLong dwordValue() {
        return type == Type.DWORD && number != null ? OptionalLong.of(number) : OptionalLong.empty();
    }

    /** The data as messages print it. */
    public String display() {
        return switch (type) {
            case DWORD -> text;
            case QWORD -> "the REG_QWORD " + text;
            case ABSENT -> "removed";
            case UNKNOWN -> "a value the plugin could not evaluate";
            default -> "the " + type.label() + " '" + text + "'";
        };
    }
}
