package io.github.exchangecompliance.engine;

/** What every finding's message is held to, whatever a rule puts in it. */
final class Messages {

    /**
     * The longest message kept, in characters: a message quotes the repository's values, and one of them may be a
     * 700 KB URL or template. Past this, the middle is left out, so that the value's start and the fix at the end
     * remain.
     */
    static final int LONGEST = 4000;

    private Messages() {}

    /** The message on one line, shortened in the middle when it is longer than {@link #LONGEST}. */
    static String shortened(String message) {
        String text = message.indexOf('\n') < 0 && message.indexOf('\r') < 0
                ? message
                : message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (text.length() <= LONGEST) {
            return text;
        }
        String marker = " [... shortened from " + text.length() + " characters ...] ";
        int keep = LONGEST - marker.length();
        int head = keep * 2 / 3;
        int tail = text.length() - (keep - head);
        // Not between the two halves of a character outside the BMP: half of one is no text at all.
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(text.charAt(tail))) {
            tail++;
        }
        return text.substring(0, head) + marker + text.substring(tail);
    }
}
