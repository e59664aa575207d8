package io.github.exchangecompliance.model;

/** Registry numbers as repositories write them: decimal, or hexadecimal after {@code 0x} ({@code 0xffffffff}). */
public final class Numbers {

    private Numbers() {}

    /**
     * The number a decimal or {@code 0x}-hexadecimal text stands for (the caller strips and cleans it first).
     *
     * @throws NumberFormatException when it is neither, or too large for a long
     */
    public static long decimalOrHex(String text) {
        return text.startsWith("0x") || text.startsWith("0X")
                ? Long.parseLong(text.substring(2), 16)
                : Long.parseLong(text);
    }
}
