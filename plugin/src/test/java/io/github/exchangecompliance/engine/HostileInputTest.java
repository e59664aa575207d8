package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.testing.TestPki;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pull request can put in a repository to leak files from outside it, crash the build or hang it (issue 21's
 * campaign), each generated here: each case is its finding at its file and line, a good file beside it is still
 * checked, and nothing outside the source directory is read.
 */
@Timeout(120)
class HostileInputTest {

    /** A value only the outside files hold: if it shows anywhere, they were read. */
    private static final String SECRET = "TOP-SECRET-OUTSIDE-VALUE";

    private static final String GOOD = BadInputTest.GOOD;

    private static final String OUTSIDE_TASKS = """
            - name: outside
              win_regedit:
                path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
                name: SchUseStrongCrypto
                data: 0
                type: dword
              tags: [%s]
            """.formatted(SECRET);

    @TempDir
    Path temp;

    Path repo;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        repo = Files.createDirectories(temp.resolve("work/repo"));
        outside = Files.createDirectories(temp.resolve("outside"));
        write(repo.resolve("good.yaml"), GOOD);
        write(outside.resolve("tasks.yml"), OUTSIDE_TASKS);
        write(outside.resolve("exchange.yml"), "proxy_host: " + SECRET + "\n");
        write(outside.resolve("inventory"), "[exchange]\n" + SECRET + "\n");
        write(outside.resolve("roles/evil/tasks/main.yml"), OUTSIDE_TASKS);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Makes a file this large without writing it (sparse): hundreds of MiB cost nothing on disk. */
    private static void grow(Path file, long size) throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        }
    }

    private void write(String path, String text) throws IOException {
        write(repo.resolve(path), text);
    }

    private CheckResult check() throws IOException {
        return check(CheckConfig.of(repo));
    }

    private static CheckResult check(CheckConfig config) throws IOException {
        return new Checker(config).check();
    }

    /** {@code file:line rule message} for each finding but the good file's and EX1005's (servers without TLS). */
    private static List<String> findings(CheckResult result) {
        return result.findings().stream()
                .filter(f -> !result.relativePath(f).equals("good.yaml")
                        && !f.rule().id().equals("EX1005"))
                .map(f -> result.relativePath(f) + ":" + f.location().line() + " "
                        + f.rule().id() + " " + f.message())
                .toList();
    }

    /** The good file is still checked, no rule failed, and nothing from outside shows in any finding or file. */
    private void assertTheRestIsChecked(CheckResult result) {
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(result.relativePath(f)).isEqualTo("good.yaml");
            assertThat(f.rule().id()).isEqualTo("EX1003");
        });
        assertThat(result.toolErrors()).isEmpty();
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.message()).doesNotContain(SECRET);
            // As written, not as AssertJ would compare them (following links): a link's own place is inside.
            assertThat(f.location().file().toAbsolutePath().normalize().startsWith(repo))
                    .isTrue();
        });
        assertThat(result.model().servers())
                .allSatisfy(s -> assertThat(s.displayName()).doesNotContain(SECRET));
        assertThat(result.files())
                .allSatisfy(f -> assertThat(f.toAbsolutePath().normalize().startsWith(repo))
                        .isTrue());
    }

    private static final String PLAY = """
            - hosts: exchange
              tasks:
                - include_tasks: %s
            """;

    // Leaks: each way a repository can name a file outside itself.

    @Test
    void aGroupVarsFileLinkedOutsideIsNotRead() throws IOException {
        write("inventory", "[exchange]\nex01\n");
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - win_http_proxy:
                        proxy: "{{ proxy_host }}:8080"
                """);
        Files.createDirectories(repo.resolve("group_vars"));
        Files.createSymbolicLink(repo.resolve("group_vars/exchange.yml"), outside.resolve("exchange.yml"));

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly(
                        "group_vars/exchange.yml:1 EX0001 the file is outside the source directories (it leads to "
                                + outside.resolve("exchange.yml").toRealPath() + "); it was not read",
                        "site.yml:4 EX0003 proxy: the variable 'proxy_host' is not defined where the plugin looks (play vars, role "
                                + "defaults and vars, group_vars, host_vars); the value is unknown");
        assertTheRestIsChecked(result);
    }

    @Test
    void anIncludeOutsideTheRepositoryIsNotRead() throws IOException {
        write("inventory", "[exchange]\nex01\n");
        write("site.yml", PLAY.formatted("../../outside/tasks.yml"));

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly("site.yml:3 EX0001 include_tasks names "
                        + "'../../outside/tasks.yml', which is outside the source directories; it was not read");
        assertTheRestIsChecked(result);
    }

    @Test
    void anInventoryThatAnsibleCfgNamesOutsideOrThatLinksOutsideIsNotRead() throws IOException {
        write("ansible.cfg", "[defaults]\ninventory = ../../outside/inventory\n");
        write("site.yml", PLAY.formatted("tasks.yml"));
        write("tasks.yml", "- win_regedit: {path: 'HKLM:\\SOFTWARE\\x', name: y, data: 1, type: dword}\n");

        CheckResult viaCfg = check();

        assertThat(findings(viaCfg))
                .containsExactly("ansible.cfg:2 EX0001 ansible.cfg's inventory names "
                        + "'../../outside/inventory', which is outside the source directories; it was not read");
        assertTheRestIsChecked(viaCfg);

        Files.delete(repo.resolve("ansible.cfg"));
        Files.createSymbolicLink(repo.resolve("inventory"), outside.resolve("inventory"));

        CheckResult viaLink = check();

        assertThat(findings(viaLink))
                .containsExactly("inventory:1 EX0001 the file is outside the source directories " + "(it leads to "
                        + outside.resolve("inventory").toRealPath() + "); it was not read");
        assertTheRestIsChecked(viaLink);
    }

    @Test
    void aRoleOutsideTheRepositoryIsNotRead() throws IOException {
        write("inventory", "[exchange]\nex01\n");
        write("site.yml", """
                - hosts: exchange
                  roles:
                    - role: ../../../outside/roles/evil
                """);

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly("site.yml:3 EX0001 the role '../../../outside/roles/evil' is at "
                        + outside.resolve("roles/evil") + ", outside the source directories; it "
                        + "was not read");
        assertTheRestIsChecked(result);
    }

    @Test
    void aCertificateFileOutsideTheRepositoryOrADeviceIsNotRead() throws IOException {
        Files.copy(TestPki.directory().resolve("certs/mail.pem"), outside.resolve("mail.pem"));
        Files.createSymbolicLink(repo.resolve("zero.pem"), Path.of("/dev/zero"));
        write("certificates.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Certificate
                metadata: {name: up}
                spec:
                  file: ../../outside/mail.pem
                ---
                apiVersion: exchange-compliance/v1
                kind: Certificate
                metadata: {name: zero}
                spec:
                  file: /dev/zero
                  chain: [/dev/urandom, zero.pem]
                """);

        CheckResult result = check();

        String outsideDirs = " is outside the source directories";
        assertThat(findings(result))
                .containsExactly(
                        "certificates.yaml:5 EX0005 the certificate file '../../outside/mail.pem' of up" + outsideDirs
                                + "; it was not read",
                        "certificates.yaml:11 EX0005 the certificate file '/dev/zero' of zero" + outsideDirs
                                + "; it was not read",
                        "certificates.yaml:12 EX0005 the certificate file '/dev/urandom' of zero" + outsideDirs
                                + "; it was not read",
                        "certificates.yaml:12 EX0005 the certificate file 'zero.pem' of zero" + outsideDirs
                                + " (it leads to /dev/zero); it was not read");
        assertTheRestIsChecked(result);
    }

    // Crashes.

    @Test
    void aFifoOrANulInANameIsAFindingNotAHangOrACrash() throws Exception {
        Process mkfifo = new ProcessBuilder(
                        "mkfifo",
                        repo.resolve("pipe.pem").toString(),
                        repo.resolve("pipe.yml").toString())
                .start();
        assertThat(mkfifo.waitFor()).isZero();
        write("certificates.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Certificate
                metadata: {name: pipe}
                spec:
                  file: pipe.pem
                  chain: ["a\\0b"]
                """);
        write("inventory", "[exchange]\nex01\n");
        write("site.yml", """
                - hosts: exchange
                  roles:
                    - "evil\\0role"
                  tasks:
                    - include_tasks: "a\\0b.yml"
                    - include_tasks: pipe.yml
                """);

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly(
                        "certificates.yaml:5 EX0005 the certificate file 'pipe.pem' of pipe is not a regular file (a device, "
                                + "FIFO or socket); it was not read",
                        "certificates.yaml:6 EX0005 the certificate file 'a\u0000b' of pipe is not a path (Nul character not "
                                + "allowed)",
                        "site.yml:3 EX0001 the role 'evil\u0000role' is not a path (Nul character not allowed)",
                        "site.yml:5 EX0001 include_tasks names 'a\u0000b.yml', which is not a path (Nul character not "
                                + "allowed)",
                        "site.yml:6 EX0001 include_tasks names 'pipe.yml', which is not a regular file (a device, FIFO or "
                                + "socket); it was not read");
        assertTheRestIsChecked(result);
    }

    @Test
    void aFileOverTheLimitThatMentionsASuppressionIsOneFinding() throws IOException {
        Path big = repo.resolve("big.yaml");
        Files.writeString(big, "# exchange-compliance:ignore EX0001 -- too big\n");
        grow(big, 200L * 1024 * 1024);

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly("big.yaml:1 EX0001 the file is 209715200 bytes, more than "
                        + "maxFileSize (16777216 bytes); it was not read");
        assertTheRestIsChecked(result);
    }

    @Test
    void aFlowListOfFiveMillionItemsAndHalfAMillionDuplicateKeysAreBounded() throws IOException {
        StringBuilder flow = new StringBuilder("items: [\n");
        for (int line = 0; line < 100_000; line++) {
            flow.append("a, ".repeat(50)).append('\n');
        }
        write("flow.yaml", flow.append("]\n").toString());
        StringBuilder duplicates = new StringBuilder(GOOD.replace("EX01", "EX02")).append("  fqdn: a\n");
        for (int i = 0; i < 450_000; i++) {
            duplicates.append("  fqdn: a\n");
        }
        write("duplicates.yaml", duplicates.toString());

        CheckResult result = check();

        List<String> found = findings(result);
        assertThat(found).hasSize(103);
        assertThat(found.get(0))
                .isEqualTo("duplicates.yaml:7 EX1003 SchUseStrongCrypto is 0 under "
                        + "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319; set it to 1");
        assertThat(found.get(1))
                .isEqualTo(
                        "duplicates.yaml:9 EX0002 duplicate key 'fqdn' (first at line 8); only " + "the first is used");
        assertThat(found.get(101))
                .isEqualTo("duplicates.yaml:109 EX0002 duplicate key 'fqdn', and more than 100 in "
                        + "this file; the others are not listed");
        assertThat(found.get(102)).startsWith("flow.yaml:").contains(" EX0001 the file holds more than 1000000 keys");
        assertTheRestIsChecked(result);
    }

    @Test
    void aLookupOfThousandsOfStepsAndVariablesThatDoubleAreNotes() throws IOException {
        write("inventory", "[exchange]\nex01\n");
        StringBuilder vars = new StringBuilder("a0: " + "x".repeat(4000) + "\n");
        for (int i = 1; i <= 20; i++) {
            vars.append('a')
                    .append(i)
                    .append(": \"{{ a")
                    .append(i - 1)
                    .append(" }} {{ a")
                    .append(i - 1)
                    .append(" }}\"\n");
        }
        write("group_vars/exchange.yml", vars.toString());
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - win_regedit:
                        path: "HKLM:\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\{{ a20 }}"
                        name: x
                        data: 1
                        type: dword
                    - win_regedit:
                        path: 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\x'
                        name: x
                        data: "{{ x%s }}"
                        type: dword
                    - win_regedit:
                        path: "HKLM:\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\%s"
                        name: x
                        data: 1
                        type: dword
                """.formatted(".a".repeat(2000), "{{ a0 }}".repeat(20)));

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly(
                        "site.yml:4 EX0003 path: the template still holds a template after 10 renderings (a variable that "
                                + "refers to itself?); the value is unknown",
                        "site.yml:11 EX0003 data: the variable 'x' is not defined where the plugin looks "
                                + "(play vars, role defaults and vars, group_vars, host_vars); the value is unknown",
                        "site.yml:14 EX0003 path: the template renders to more than 65536 characters; the value is unknown");
        assertTheRestIsChecked(result);
    }

    @Test
    void hugeOrBrokenAnsibleCfgAndInventoriesAreFindings() throws IOException {
        write("site.yml", PLAY.formatted("tasks.yml"));
        write("tasks.yml", "- win_regedit: {path: 'HKLM:\\SOFTWARE\\x', name: y, data: 1, type: dword}\n");
        write("ansible.cfg", "[defaults]\ninventory = hosts.ini\n");
        grow(repo.resolve("ansible.cfg"), 200L * 1024 * 1024);
        write("inventory", "ex00\n[exchange]\nex05\n");

        CheckResult big = check();

        assertThat(findings(big))
                .containsExactly(
                        "ansible.cfg:1 EX0001 ansible.cfg is larger than 16777216 bytes; " + "it was not read");
        // The host before the first section is in ungrouped, as in Ansible: ex05 alone is the server group's.
        assertThat(big.model().servers()).extracting(s -> s.displayName()).containsExactlyInAnyOrder("EX01", "ex05");
        assertTheRestIsChecked(big);

        Files.delete(repo.resolve("ansible.cfg"));
        StringBuilder hosts = new StringBuilder("[exchange]\n");
        for (int i = 0; i < 1_500_000; i++) {
            hosts.append('h').append(i).append('\n');
        }
        write("inventory", hosts.toString());

        CheckResult many = check();

        assertThat(findings(many))
                .contains("inventory:100002 EX0001 the inventory names more than 100000 hosts; "
                        + "the hosts from here on are not read");
        assertThat(many.model().servers()).hasSize(100_001);
        assertTheRestIsChecked(many);
    }

    @Test
    void aBaselineNestedTooDeepOrTooLargeIsAFindingAndTheCheckGoesOn() throws IOException {
        Path baseline = repo.resolve("exchange-compliance-baseline.json");
        Files.writeString(baseline, "[".repeat(2000) + "]".repeat(2000));
        CheckConfig base = CheckConfig.of(repo);
        CheckConfig config = new CheckConfig(
                repo,
                List.of(repo),
                base.includes(),
                base.excludes(),
                base.limits(),
                base.rules(),
                base.context(),
                base.ansibleServerGroups(),
                List.of(),
                false,
                baseline);

        CheckResult deep = check(config);

        assertThat(findings(deep))
                .singleElement()
                .asString()
                .startsWith(
                        "exchange-compliance-baseline.json:1 EX0001 "
                                + "the baseline file is not valid JSON (Document nesting depth (101) exceeds the maximum allowed");
        assertTheRestIsChecked(deep);

        grow(baseline, 141L * 1024 * 1024);

        assertThat(findings(check(config)))
                .containsExactly("exchange-compliance-baseline.json:1 EX0001 the baseline "
                        + "file is larger than 16777216 bytes; it was not read; no finding is baselined");
    }

    // Hangs and slowness.

    @Test
    void aTaskFileThatIncludesItselfIsNotFollowedAgain() throws IOException {
        write("inventory", "[exchange]\nex01\n");
        write("site.yml", PLAY.formatted("tasks/self.yml"));
        write("tasks/self.yml", """
                - include_tasks: self.yml
                - include_tasks: self.yml
                - include_tasks: self.yml
                """);
        // Files that each include the next twice, twenty deep: 2^20 walks without a budget.
        for (int i = 0; i < 20; i++) {
            write("tasks/chain" + i + ".yml", ("- include_tasks: chain" + (i + 1) + ".yml\n").repeat(2));
        }
        write("chain.yml", PLAY.formatted("tasks/chain0.yml"));

        CheckResult result = check();

        assertThat(findings(result))
                .contains("tasks/self.yml:1 EX0003 self.yml is included again while it is being "
                        + "included (Ansible would include it forever); it is not followed");
        assertThat(findings(result))
                .anySatisfy(f -> assertThat(f)
                        .startsWith("tasks/chain")
                        .contains(" EX0003 more " + "than 2000 task files are included from one play or file;"));
        assertTheRestIsChecked(result);
    }

    @Test
    void twentyThousandFilesWithAFindingEachAreListedUpToTheLimitAndCounted() throws IOException {
        // 20,000 here to keep the tests quick; the printer and the limits are linear, whatever the number.
        for (int i = 0; i < 20_000; i++) {
            write(String.format("servers/%03d/ex%06d.yaml", i / 1000, i), "a: [1\n");
        }

        CheckResult result = check();

        assertThat(result.findings()).hasSize(FindingLimits.DEFAULT_PER_RUN);
        // And the good file's two errors.
        assertThat(result.count(Severity.ERROR)).isEqualTo(20_002);
        assertThat(result.unlisted().runOverLimit()).isTrue();
        assertThat(result.fails(Severity.ERROR)).isTrue();
        assertThat(io.github.exchangecompliance.report.ConsoleReport.summary(result))
                .contains(": 20002 errors, " + "0 warnings, 0 notes in ")
                .contains(
                        "; 10002 findings are not listed (more than maxFindings in " + "all); the counts include them");
        // The most serious are kept, input findings first, in file order.
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.rule().id()).isEqualTo("EX0001"));
        assertThat(result.relativePath(result.findings().get(0))).isEqualTo("servers/000/ex000000.yaml");
    }

    @Test
    void aOneLineCommentOf15MiBIsRefusedBeforeItIsParsed() throws IOException {
        write("comment.yaml", "a: 1\n# " + "x ".repeat(15 << 19) + "\n");

        CheckResult result = check();

        assertThat(findings(result))
                .containsExactly("comment.yaml:2 EX0001 line 2 is 15728642 characters long, more "
                        + "than the 65536 the plugin reads on one line; the file was not read");
        assertTheRestIsChecked(result);
    }

    @Test
    void eightyCertificateFilesOfAMegabyteEachAreReadInLinearTime() throws IOException {
        String pem = Files.readString(TestPki.directory().resolve("certs/mail.pem"));
        Files.copy(TestPki.directory().resolve("certs/issuing-ca.pem"), repo.resolve("issuing.pem"));
        Files.copy(TestPki.directory().resolve("certs/root.pem"), repo.resolve("root.pem"));
        StringBuilder documents = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            // A bundle under the limit of certificates a file, and one over it.
            write("certs/bundle" + i + ".pem", pem.repeat(i % 2 == 0 ? 400 : 1_000_000 / pem.length()));
            documents.append("""
                    apiVersion: exchange-compliance/v1
                    kind: Certificate
                    metadata: {name: c%d}
                    spec:
                      file: certs/bundle%d.pem
                      chain: [issuing.pem, root.pem]
                    ---
                    """.formatted(i, i));
        }
        write("certificates.yaml", documents.toString());

        CheckResult result = check();

        List<String> certificateFiles =
                findings(result).stream().filter(f -> f.contains(" EX0005 ")).toList();
        assertThat(certificateFiles)
                .hasSize(40)
                .allSatisfy(f -> assertThat(f)
                        .contains(" certificates, more than the "
                                + "500 a chain or a bundle of roots has; name the server's chain instead"));
        assertTheRestIsChecked(result);
    }

    // Smaller.

    @Test
    void aLongMessageIsShortenedInTheMiddle() {
        String url = "http://crl.contoso.com/" + "x".repeat(700_000);
        String message = "the CRL " + url + " is blocked; allow crl.contoso.com on port 80";
        String shortened = Messages.shortened(message);

        assertThat(shortened)
                .hasSizeLessThanOrEqualTo(Messages.LONGEST)
                .startsWith("the CRL http://crl.contoso.com/x")
                .contains(" [... shortened from " + message.length() + " characters ...] ")
                .endsWith("x is blocked; allow crl.contoso.com on port 80");
    }

    @Test
    void findingsPastTheLimitOfAFileAreCountedAndStillFail() throws IOException {
        StringBuilder duplicates = new StringBuilder(GOOD.replace("EX01", "EX02")).append("  fqdn: a\n");
        for (int i = 0; i < 50; i++) {
            duplicates.append("  fqdn: a\n");
        }
        write("many.yaml", duplicates.toString());

        CheckResult result = check(CheckConfig.of(repo).withFindingLimits(new FindingLimits(3, 100)));

        assertThat(findings(result))
                .containsExactly(
                        "many.yaml:9 EX0002 duplicate key 'fqdn' (first at line 8); only the first is used",
                        "many.yaml:10 EX0002 duplicate key 'fqdn' (first at line 8); only the first is used",
                        "many.yaml:11 EX0002 duplicate key 'fqdn' (first at line 8); only the first is used");
        assertThat(result.unlisted().filesOverLimit())
                .extracting(f -> CheckResult.relativize(repo, f))
                .containsExactly("many.yaml");
        // Kept: the first three duplicates (input findings go first); EX1003, EX1005 and 47 duplicates are counted.
        assertThat(result.unlisted().count(Severity.ERROR)).isEqualTo(49);
        assertThat(result.count(Severity.ERROR)).isEqualTo(54);
        assertThat(io.github.exchangecompliance.report.ConsoleReport.summary(result))
                .contains("; 49 findings are not "
                        + "listed (more than maxFindingsPerFile in many.yaml); the counts include them");
    }
}
