package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * From a file to the text the YAML parser reads: its bytes read under {@code maxFileSize} (a file that grows while
 * it is read included), decoded strictly as YAML 1.2 allows, and its lines no longer than the parser handles in
 * reasonable time. Each refusal is a {@link YamlProblem} at the place it concerns.
 */
final class YamlText {

    private YamlText() {}

    /** The file's text; never more than the limits allow. */
    static String of(Path file, YamlLimits limits) throws IOException, YamlProblem {
        return decode(file, bytesOf(file, limits));
    }

    /** The most bytes one array holds: a larger maxFileSize still reads no more than this. */
    private static final long MOST_BYTES = SourceFiles.MOST_BYTES;

    /**
     * The file's bytes, its size asked of the open file: asking the path first cost a second look at the disk for
     * each of thousands of files.
     */
    static byte[] bytesOf(Path file, YamlLimits limits) throws IOException, YamlProblem {
        long limit = Math.min(limits.maxFileSize(), MOST_BYTES);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > limit) {
                throw tooLarge(file, "is " + size + " bytes", limit, limits);
            }
            byte[] bytes = readAll(Channels.newInputStream(channel), (int) size, limit);
            if (bytes == null) {
                throw tooLarge(file, "grew to more than " + limit + " bytes while it was read", limit, limits);
            }
            return bytes;
        }
    }

    /**
     * Reads to the end a stream expected to hold {@code expected} bytes: fewer when the file shrank, more when it
     * grew meanwhile, but null when that is more than {@code limit} (at most {@link #MOST_BYTES}).
     */
    static byte[] readAll(InputStream in, int expected, long limit) throws IOException {
        byte[] bytes = in.readNBytes(expected);
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        long allowed = Math.min(limit, MOST_BYTES) - bytes.length - 1;
        if (allowed < 0) {
            return null;
        }
        byte[] rest = in.readNBytes((int) Math.min(allowed + 1, MOST_BYTES));
        if (rest.length > allowed) {
            return null;
        }
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = (byte) next;
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
    }

    private static YamlProblem tooLarge(Path file, String what, long limit, YamlLimits limits) {
        String most = limit < limits.maxFileSize()
                ? "the " + limit + " bytes the plugin reads in one file"
                : "maxFileSize (" + limit + " bytes)";
        return new YamlProblem(
                "the file " + what + ", more than " + most + "; it was not read", Location.startOf(file));
    }

    /** UTF-8 (with or without a BOM) and UTF-16 with a BOM, as YAML 1.2 allows; anything else is EX0001. */
    static String decode(Path file, byte[] bytes) throws YamlProblem {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return strict(file, bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return strict(file, bytes, 2, StandardCharsets.UTF_16LE);
        }
        boolean utf8Bom = bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return strict(file, bytes, utf8Bom ? 3 : 0, StandardCharsets.UTF_8);
    }

    private static String strict(Path file, byte[] bytes, int offset, java.nio.charset.Charset charset)
            throws YamlProblem {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = offset;
            if (e instanceof MalformedInputException) {
                bad = findBadByte(bytes, offset, charset);
            }
            int line = 1;
            int column = 1;
            for (int i = offset; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xc0) != 0x80) {
                    column++;
                }
            }
            return throwing(new YamlProblem(
                    "the file is not valid " + charset.name() + " text (byte " + bad
                            + " cannot be decoded); save it as UTF-8",
                    new Location(file, line, column)));
        }
    }

    private static int findBadByte(byte[] bytes, int offset, java.nio.charset.Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static String throwing(YamlProblem problem) throws YamlProblem {
        throw problem;
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A line longer than {@link YamlLimits#MAX_LINE_LENGTH}: the YAML parser takes time in the square of a comment's
     * or a scalar's length on one line (15 MiB on one line: 100 s), so such a file is refused before it is parsed.
     */
    static void checkLines(Path file, String text) throws YamlProblem {
        int line = 1;
        for (int start = 0; start < text.length(); line++) {
            int end = text.indexOf('\n', start);
            int length = (end < 0 ? text.length() : end) - start;
            if (length > YamlLimits.MAX_LINE_LENGTH) {
                throw new YamlProblem(
                        "line " + line + " is " + length + " characters long, more than the "
                                + YamlLimits.MAX_LINE_LENGTH + " the plugin reads on one line; the file was not read",
                        new Location(file, line, YamlLimits.MAX_LINE_LENGTH + 1));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
    }
}
