package io.github.exchangecompliance.clixml;

import io.github.exchangecompliance.clixml.CliValue.CliDictionary;
import io.github.exchangecompliance.clixml.CliValue.CliList;
import io.github.exchangecompliance.clixml.CliValue.CliObject;
import io.github.exchangecompliance.clixml.CliValue.CliPrimitive;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads PowerShell CliXml ({@code Export-Clixml}, root {@code <Objs Version="1.1.0.1">}) with the JDK's StAX parser:
 * no DTD, no entities from outside, and the limits YAML files have (size, nesting, count of values). Object
 * references ({@code <Ref RefId>}) share the object they name, so they cannot multiply a file's size. Secure
 * strings ({@code <SS>}) are read as Nil: they hold credentials, and nothing the plugin writes may carry them.
 */
public final class CliXmlReader {

    public static final long MOST_BYTES = 16L * 1024 * 1024;
    static final int MOST_DEPTH = 100;
    static final int MOST_VALUES = 1_000_000;

    private static final Set<String> LISTS = Set.of("LST", "IE", "STK", "QUE");
    private static final Set<String> INTEGERS = Set.of("I16", "I32", "I64", "U16", "U32", "U64", "By", "SB");
    private static final Set<String> DECIMALS = Set.of("Db", "Sg", "D");
    private static final Set<String> TEXTS = Set.of("S", "DT", "TS", "G", "URI", "Version", "XD", "SBK", "C");
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** Why a file is not CliXml the plugin can read, and on which line. */
    public static final class CliXmlException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        public CliXmlException(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The top-level values of one file, in order. */
    public record CliXmlFile(Path path, List<CliValue> values) {
        public CliXmlFile {
            values = List.copyOf(values);
        }
    }

    private final Path file;
    private final XMLStreamReader xml;
    private final Map<String, CliObject> objects = new HashMap<>();
    private final Map<String, List<String>> typeNames = new HashMap<>();
    private int depth;
    private int values;

    private CliXmlReader(Path file, XMLStreamReader xml) {
        this.file = file;
        this.xml = xml;
    }

    /**
     * True when the bytes start like a CliXml file (its {@code Objs} root), whatever the file is called. Windows
     * PowerShell 5.1, the Exchange Management Shell's, writes Export-Clixml as UTF-16 with a byte order mark;
     * PowerShell 7 as UTF-8.
     */
    public static boolean looksLikeCliXml(byte[] start) {
        String text = new String(start, 0, Math.min(start.length, 1024), charsetOf(start));
        return text.contains("<Objs") && text.contains("schemas.microsoft.com/powershell/2004/04");
    }

    /** By the byte order mark, else by how {@code <} is written; UTF-8 for anything else. */
    private static Charset charsetOf(byte[] bytes) {
        int first = bytes.length >= 2 ? bytes[0] & 0xff : -1;
        int second = bytes.length >= 2 ? bytes[1] & 0xff : -1;
        if ((first == 0xff && second == 0xfe) || (first == '<' && second == 0)) {
            return StandardCharsets.UTF_16LE;
        }
        if ((first == 0xfe && second == 0xff) || (first == 0 && second == '<')) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * The file's text. Decoded here rather than by the XML parser, which prints a "[Fatal Error]" line of its own
     * on stderr for a byte that is not of the encoding: a bad byte is this reader's one finding, at its line.
     */
    private static String decode(byte[] bytes) throws CliXmlException {
        Charset charset = charsetOf(bytes);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int line = 1;
            while (out.hasRemaining()) {
                if (out.get() == '\n') {
                    line++;
                }
            }
            throw new CliXmlException(
                    "is not " + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16") + " text (a byte at line "
                            + line + " is none of it); export it again with Export-Clixml",
                    line);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static CliXmlFile read(Path file) throws CliXmlException {
        byte[] bytes;
        try {
            bytes = SourceFiles.read(file, MOST_BYTES);
        } catch (Refused e) {
            throw new CliXmlException(
                    e.reason() == Refused.Reason.TOO_LARGE ? "is larger than 16 MiB" : e.getMessage(), 1);
        } catch (IOException | SecurityException e) {
            throw new CliXmlException("cannot be read (" + e.getClass().getSimpleName() + ")", 1);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(decode(bytes)));
            return new CliXmlReader(file, xml).document();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new CliXmlException("is not well-formed XML: " + firstLine(e.getMessage()), line);
        } catch (RuntimeException e) {
            // The JDK parser reports some broken input (bad encodings) as unchecked exceptions.
            throw new CliXmlException("is not well-formed XML (" + e.getClass().getSimpleName() + ")", line(xml));
        } finally {
            close(xml);
        }
    }

    private CliXmlFile document() throws XMLStreamException, CliXmlException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new CliXmlException("declares a DOCTYPE, which no CliXml file has; it is not read", line());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("Objs")) {
                    throw new CliXmlException(
                            "is XML but not PowerShell CliXml (its root is <" + xml.getLocalName() + ">, not <Objs>)",
                            line());
                }
                return new CliXmlFile(file, children());
            }
        }
        throw new CliXmlException("holds no XML element", line());
    }

    /** The values among the children of the current element, up to its end. */
    private List<CliValue> children() throws XMLStreamException, CliXmlException {
        List<CliValue> found = new ArrayList<>();
        while (next() == XMLStreamConstants.START_ELEMENT) {
            found.add(value());
        }
        return found;
    }

    /** Moves to the next start or end element, skipping text, comments and white space. */
    private int next() throws XMLStreamException, CliXmlException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new CliXmlException("declares a DOCTYPE, which no CliXml file has; it is not read", line());
            }
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** The value the current start element writes; leaves the reader at its end element. */
    private CliValue value() throws XMLStreamException, CliXmlException {
        if (++values > MOST_VALUES) {
            throw new CliXmlException("holds more than " + MOST_VALUES + " values", line());
        }
        if (++depth > MOST_DEPTH) {
            throw new CliXmlException("nests deeper than " + MOST_DEPTH + " levels", line());
        }
        try {
            Location at = new Location(file, line(), 1);
            String tag = xml.getLocalName();
            return switch (tag) {
                case "Obj" -> object(at);
                case "Ref" -> reference(at);
                case "Nil" -> {
                    skip();
                    yield new CliPrimitive(null, tag, at);
                }
                case "SS" -> {
                    skip();
                    yield new CliPrimitive(null, tag, at);
                }
                default -> primitive(tag, at);
            };
        } finally {
            depth--;
        }
    }

    private CliValue reference(Location at) throws XMLStreamException, CliXmlException {
        String id = xml.getAttributeValue(null, "RefId");
        skip();
        CliObject target = objects.get(id);
        if (target == null) {
            throw new CliXmlException("refers to object " + id + ", which no earlier <Obj RefId> defines", at.line());
        }
        return target;
    }

    private CliValue object(Location at) throws XMLStreamException, CliXmlException {
        String refId = xml.getAttributeValue(null, "RefId");
        List<String> types = List.of();
        Map<String, CliValue> properties = new LinkedHashMap<>();
        String toString = null;
        List<CliValue> items = null;
        Map<String, CliValue> entries = null;
        while (next() == XMLStreamConstants.START_ELEMENT) {
            String tag = xml.getLocalName();
            switch (tag) {
                case "TN" -> {
                    String id = xml.getAttributeValue(null, "RefId");
                    List<String> names = new ArrayList<>();
                    while (next() == XMLStreamConstants.START_ELEMENT) {
                        names.add(text());
                    }
                    types = List.copyOf(names);
                    typeNames.put(id, types);
                }
                case "TNRef" -> {
                    types = typeNames.getOrDefault(xml.getAttributeValue(null, "RefId"), List.of());
                    skip();
                }
                case "ToString" -> toString = text();
                case "Props", "MS" -> {
                    while (next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getAttributeValue(null, "N");
                        CliValue property = value();
                        if (name != null) {
                            properties.putIfAbsent(unescape(name), property);
                        }
                    }
                }
                case "DCT" -> entries = dictionary();
                default -> {
                    if (LISTS.contains(tag)) {
                        items = children();
                    } else {
                        // An enum or a primitive wrapped in an object: its value is what ToString says.
                        CliValue inner = value();
                        if (toString == null && inner instanceof CliPrimitive p && p.text() != null) {
                            toString = p.text();
                        }
                    }
                }
            }
        }
        CliValue built;
        if (items != null && properties.isEmpty()) {
            built = new CliList(items, at);
        } else if (entries != null && properties.isEmpty()) {
            built = new CliDictionary(entries, at);
        } else {
            CliObject object = new CliObject(types, properties, toString, at);
            if (refId != null) {
                objects.put(refId, object);
            }
            return object;
        }
        if (refId != null) {
            // A list or hashtable referred to again is rare; keep it as an object wrapping it.
            objects.put(refId, new CliObject(types, Map.of("", built), toString, at));
        }
        return built;
    }

    private Map<String, CliValue> dictionary() throws XMLStreamException, CliXmlException {
        Map<String, CliValue> entries = new LinkedHashMap<>();
        while (next() == XMLStreamConstants.START_ELEMENT) {
            // <En><S N="Key">name</S><Obj N="Value">...</Obj></En>
            String key = null;
            CliValue value = null;
            while (next() == XMLStreamConstants.START_ELEMENT) {
                String role = xml.getAttributeValue(null, "N");
                CliValue part = value();
                if ("Key".equals(role)) {
                    key = part instanceof CliPrimitive p
                            ? p.text()
                            : part instanceof CliObject o ? o.toStringText() : null;
                } else if ("Value".equals(role)) {
                    value = part;
                }
            }
            if (key != null && value != null) {
                entries.putIfAbsent(key, value);
            }
        }
        return entries;
    }

    private CliValue primitive(String tag, Location at) throws XMLStreamException, CliXmlException {
        String text = text();
        try {
            if (INTEGERS.contains(tag)) {
                return new CliPrimitive(Long.parseLong(text.strip()), tag, at);
            }
            if (DECIMALS.contains(tag)) {
                return new CliPrimitive(Double.parseDouble(text.strip()), tag, at);
            }
        } catch (NumberFormatException e) {
            throw new CliXmlException(
                    "<" + tag + "> holds '" + shortened(text) + "', which is not a number", at.line());
        }
        if (tag.equals("B")) {
            return new CliPrimitive(text.strip().equalsIgnoreCase("true"), tag, at);
        }
        if (tag.equals("BA")) {
            try {
                return new CliPrimitive(Base64.getMimeDecoder().decode(text.strip()), tag, at);
            } catch (IllegalArgumentException e) {
                throw new CliXmlException("<BA> is not base64", at.line());
            }
        }
        if (TEXTS.contains(tag)) {
            return new CliPrimitive(unescape(text), tag, at);
        }
        // A tag this reader does not know: keep its text, as Import-Clixml keeps unknown content as a string.
        return new CliPrimitive(unescape(text), tag, at);
    }

    /** The text of the current element, which must hold no elements; leaves the reader at its end. */
    private String text() throws XMLStreamException, CliXmlException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
                if (text.length() > MOST_BYTES) {
                    throw new CliXmlException("holds a text longer than the file may be", line());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new CliXmlException("<" + xml.getLocalName() + "> stands where text was expected", line());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
        }
        return text.toString();
    }

    /** Skips the current element and everything in it. */
    private void skip() throws XMLStreamException, CliXmlException {
        int open = 1;
        while (open > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++open > MOST_DEPTH) {
                    throw new CliXmlException("nests deeper than " + MOST_DEPTH + " levels", line());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }

    /** CliXml writes characters XML cannot hold as {@code _xHHHH_}. */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private int line() {
        return line(xml);
    }

    private static int line(XMLStreamReader xml) {
        return xml == null || xml.getLocation() == null
                ? 1
                : Math.max(1, xml.getLocation().getLineNumber());
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing is left to release: the bytes are in memory.
            }
        }
    }

    private static String shortened(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int end = m.indexOf('\n');
        return (end < 0 ? m : m.substring(0, end)).strip();
    }
}
