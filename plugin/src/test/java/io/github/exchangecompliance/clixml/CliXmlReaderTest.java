package io.github.exchangecompliance.clixml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangecompliance.clixml.CliValue.CliDictionary;
import io.github.exchangecompliance.clixml.CliValue.CliList;
import io.github.exchangecompliance.clixml.CliValue.CliObject;
import io.github.exchangecompliance.clixml.CliValue.CliPrimitive;
import io.github.exchangecompliance.clixml.CliXmlReader.CliXmlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CliXml as Export-Clixml writes it: objects, type names, references, lists, hashtables, primitives. */
class CliXmlReaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("export.xml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String HEAD =
            "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n";

    @Test
    void readsObjectsWithTheirTypesPropertiesReferencesListsAndHashtables() throws Exception {
        Path file = write(HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0">
                      <T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T>
                      <T>System.Object</T>
                    </TN>
                    <ToString>EX01</ToString>
                    <Props>
                      <S N="Name">EX01</S>
                      <B N="MitigationsEnabled">true</B>
                      <Nil N="InternetWebProxy" />
                      <I32 N="Count">3</I32>
                      <S N="Note">line one_x000A_line two</S>
                      <Obj N="ServerRole" RefId="1">
                        <TN RefId="1"><T>Microsoft.Exchange.Data.ServerRole</T><T>System.Enum</T></TN>
                        <ToString>Mailbox</ToString>
                        <I32>2</I32>
                      </Obj>
                      <Obj N="Bindings" RefId="2">
                        <TN RefId="2"><T>System.Collections.ArrayList</T></TN>
                        <LST><S>[::]:25</S><S>0.0.0.0:25</S></LST>
                      </Obj>
                      <Obj N="Registry" RefId="3">
                        <TN RefId="3"><T>System.Collections.Hashtable</T></TN>
                        <DCT>
                          <En><S N="Key">1.2</S><I32 N="Value">1</I32></En>
                        </DCT>
                      </Obj>
                      <BA N="RawData">AQID</BA>
                      <SS N="Password">01000000d08c9ddf0115d1118c7a00c04fc297eb</SS>
                    </Props>
                    <MS><S N="Fqdn">ex01.contoso.com</S></MS>
                  </Obj>
                  <Obj RefId="4">
                    <TNRef RefId="0" />
                    <Props>
                      <S N="Name">EX02</S>
                      <Ref N="ServerRole" RefId="1" />
                    </Props>
                  </Obj>
                </Objs>
                """);
        CliXmlReader.CliXmlFile read = CliXmlReader.read(file);
        assertThat(read.values()).hasSize(2);
        CliObject ex01 = (CliObject) read.values().get(0);
        assertThat(ex01.isA("ExchangeServer")).isTrue();
        assertThat(ex01.toStringText()).isEqualTo("EX01");
        assertThat(ex01.location().line()).isEqualTo(2);
        assertThat(((CliPrimitive) ex01.property("mitigationsenabled").orElseThrow()).value())
                .isEqualTo(true);
        assertThat(((CliPrimitive) ex01.property("InternetWebProxy").orElseThrow()).value())
                .isNull();
        assertThat(((CliPrimitive) ex01.property("Count").orElseThrow()).value())
                .isEqualTo(3L);
        assertThat(((CliPrimitive) ex01.property("Note").orElseThrow()).text()).isEqualTo("line one\nline two");
        assertThat(((CliObject) ex01.property("ServerRole").orElseThrow()).toStringText())
                .isEqualTo("Mailbox");
        assertThat(((CliList) ex01.property("Bindings").orElseThrow()).items())
                .extracting(v -> ((CliPrimitive) v).text())
                .containsExactly("[::]:25", "0.0.0.0:25");
        assertThat(((CliDictionary) ex01.property("Registry").orElseThrow()).entries())
                .containsOnlyKeys("1.2");
        assertThat((byte[]) ((CliPrimitive) ex01.property("RawData").orElseThrow()).value())
                .containsExactly(1, 2, 3);
        assertThat(((CliPrimitive) ex01.property("Password").orElseThrow()).value())
                .as("a secure string is never kept")
                .isNull();
        assertThat(((CliPrimitive) ex01.property("Fqdn").orElseThrow()).text()).isEqualTo("ex01.contoso.com");
        CliObject ex02 = (CliObject) read.values().get(1);
        assertThat(ex02.isA("ExchangeServer")).as("TNRef names the type").isTrue();
        assertThat(ex02.property("ServerRole").orElseThrow())
                .isSameAs(ex01.property("ServerRole").orElseThrow());
    }

    @Test
    void windowsPowerShellsUtf16WithItsByteOrderMarkIsRecognisedAndRead() throws Exception {
        String text = HEAD + "  <Obj RefId=\"0\">\n    <Props><S N=\"Name\">EX01 é</S></Props>\n  </Obj>\n</Objs>\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = dir.resolve("servers.xml");
        Files.write(file, bytes);

        assertThat(CliXmlReader.looksLikeCliXml(bytes)).isTrue();
        CliObject server = (CliObject) CliXmlReader.read(file).values().get(0);
        assertThat(((CliPrimitive) server.property("Name").orElseThrow()).value())
                .isEqualTo("EX01 é");
        assertThat(server.location().line()).isEqualTo(2);
        assertThat(CliXmlReader.looksLikeCliXml(text.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(CliXmlReader.looksLikeCliXml("<configuration/>".getBytes(StandardCharsets.UTF_16LE)))
                .isFalse();
    }

    @Test
    void aByteThatIsNotUtf8IsOneErrorAtItsLine() throws IOException {
        byte[] head = (HEAD + "<Obj><Props>\n<S N=\"Name\">EX").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
        bytes[head.length] = (byte) 0xff;
        Path file = dir.resolve("export.xml");
        Files.write(file, bytes);
        assertThatThrownBy(() -> CliXmlReader.read(file))
                .isInstanceOf(CliXmlException.class)
                .hasMessage("is not UTF-8 text (a byte at line 3 is none of it); export it again with Export-Clixml")
                .satisfies(e -> assertThat(((CliXmlException) e).line()).isEqualTo(3));
    }

    @Test
    void aBrokenFileIsOneErrorAtItsLine() throws IOException {
        Path file = write(HEAD + "  <Obj RefId=\"0\">\n    <Props>\n      <S N=\"Name\">EX01</Props>\n</Objs>\n");
        assertThatThrownBy(() -> CliXmlReader.read(file))
                .isInstanceOf(CliXmlException.class)
                .hasMessageStartingWith("is not well-formed XML")
                .satisfies(e -> assertThat(((CliXmlException) e).line()).isEqualTo(4));
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsFetched() throws IOException {
        Path file = write("<?xml version=\"1.0\"?>\n<!DOCTYPE Objs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + HEAD + "<S>&x;</S></Objs>\n");
        assertThatThrownBy(() -> CliXmlReader.read(file))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void xmlThatIsNotCliXmlSaysSo() throws IOException {
        Path file = write("<configuration><appSettings/></configuration>\n");
        assertThatThrownBy(() -> CliXmlReader.read(file))
                .hasMessage("is XML but not PowerShell CliXml (its root is <configuration>, not <Objs>)");
    }

    @Test
    void nestingAndUnknownReferencesAreLimited() throws IOException {
        Path deep = write(HEAD + "<Obj><Props>".repeat(150) + "</Props></Obj>".repeat(150) + "</Objs>");
        assertThatThrownBy(() -> CliXmlReader.read(deep)).hasMessage("nests deeper than 100 levels");
        Path dangling = write(HEAD + "<Obj RefId=\"0\"><Props><Ref N=\"x\" RefId=\"9\" /></Props></Obj></Objs>");
        assertThatThrownBy(() -> CliXmlReader.read(dangling))
                .hasMessage("refers to object 9, which no earlier <Obj RefId> defines");
    }

    @Test
    void aNumberThatIsNoneIsAnErrorAtItsLine() throws IOException {
        Path file = write(HEAD + "<Obj><Props>\n<I32 N=\"Port\">twenty-five</I32>\n</Props></Obj></Objs>");
        assertThatThrownBy(() -> CliXmlReader.read(file))
                .hasMessage("<I32> holds 'twenty-five', which is not a number");
    }
}
