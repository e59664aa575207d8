package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shows that a play runs on Exchange servers (SPEC section 4.4), in its own tasks or in the roles and task
 * files it applies: it installs Exchange (Exchange's setup with {@code /Mode:Install} or
 * {@code /IAcceptExchangeServerLicenseTerms}, not only to prepare Active Directory), uses an ExchangeDsc resource,
 * or runs Exchange's cmdlets or loads its snap-in. Exchange Online's module is not Exchange Server.
 */
final class ExchangeEvidence {

    /** Why a play's hosts are Exchange servers, and the line that shows it. */
    record Found(String why, Location at) {}

    private static final Pattern LICENSE =
            Pattern.compile("/IAcceptExchangeServerLicenseTerms", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTALL_MODE =
            Pattern.compile("/(?:mode|m):\\s*\"?(?:install|upgrade)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SETUP = Pattern.compile("\\bsetup(?:\\.exe)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREPARE = Pattern.compile(
            "/(?:PrepareAD|PrepareSchema|PrepareAllDomains|" + "PrepareDomain)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CMDLET = Pattern.compile(
            "\\b(?:New|Set|Get|Remove|Enable|Disable|Install|Import)-"
                    + "(?:ReceiveConnector|SendConnector|ExchangeServer|ExchangeCertificate|TransportService|"
                    + "FrontendTransportService|MailboxServer|ClientAccessServer|ClientAccessService|HybridConfiguration|"
                    + "OwaVirtualDirectory|EcpVirtualDirectory|OabVirtualDirectory|WebServicesVirtualDirectory|"
                    + "MapiVirtualDirectory|ActiveSyncVirtualDirectory|OutlookAnywhere|DatabaseAvailabilityGroup|"
                    + "MailboxDatabase|TransportAgent)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SNAP_IN = Pattern.compile(
            "Microsoft\\.Exchange\\.Management\\.PowerShell\\.(?:SnapIn|E2010|Admin)|RemoteExchange\\.ps1",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCHANGE_ONLINE =
            Pattern.compile("Connect-ExchangeOnline|ExchangeOnlineManagement", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PACKAGE = Set.of("win_package", "ansible.windows.win_package");
    private static final List<String> TASK_LISTS = List.of("pre_tasks", "tasks", "post_tasks", "handlers");
    private static final List<String> BLOCKS = TaskWalker.BLOCK_KEYS;
    private static final int DEEPEST = 20;
    /** The most text of one task looked at: enough for any command line. */
    private static final int MOST_TEXT = 65_536;

    private final TaskWalker walker;
    private final Map<Path, Optional<Found>> byFile = new ConcurrentHashMap<>();

    ExchangeEvidence(TaskWalker walker) {
        this.walker = walker;
    }

    /** The first thing in a play (its tasks, then its roles) that shows it runs on Exchange servers. */
    Optional<Found> ofPlay(YamlMap play, Path file) {
        Set<Path> trail = new HashSet<>();
        for (String list : TASK_LISTS) {
            Optional<Found> found = play.get(list).flatMap(tasks -> inTasks(tasks, file, trail, 0));
            if (found.isPresent()) {
                return found;
            }
        }
        return play.get("roles").flatMap(roles -> inRoles(roles, file, trail, 0));
    }

    private Optional<Found> inRoles(YamlNode roles, Path file, Set<Path> trail, int depth) {
        if (!(roles instanceof YamlSeq seq)) {
            return Optional.empty();
        }
        for (YamlNode role : seq.items()) {
            YamlNode name = role instanceof YamlMap m
                    ? m.get("role").or(() -> m.get("name")).orElse(null)
                    : role;
            if (name instanceof YamlScalar s && !Jinja.isTemplate(s.text())) {
                Optional<Found> found =
                        walker.findRole(s.text(), file, s.location()).flatMap(dir -> inRole(dir, trail, depth + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> inRole(Path dir, Set<Path> trail, int depth) {
        Optional<Found> found = inFile(dir.resolve("tasks/main.yml"), trail, depth);
        if (found.isPresent()) {
            return found;
        }
        // A role's dependencies run before it (meta/main.yml).
        Path meta = dir.resolve("meta/main.yml");
        return walker.read(meta)
                .filter(YamlMap.class::isInstance)
                .flatMap(m -> ((YamlMap) m).get("dependencies"))
                .flatMap(deps -> inRoles(deps, meta, trail, depth));
    }

    private Optional<Found> inFile(Path file, Set<Path> trail, int depth) {
        Path normal = NormalPaths.of(file);
        Optional<Found> known = byFile.get(normal);
        if (known != null) {
            return known;
        }
        if (depth > DEEPEST || !trail.add(normal)) {
            return Optional.empty();
        }
        Optional<Found> found = walker.read(normal).flatMap(tasks -> inTasks(tasks, normal, trail, depth));
        byFile.put(normal, found);
        return found;
    }

    private Optional<Found> inTasks(YamlNode tasks, Path file, Set<Path> trail, int depth) {
        if (!(tasks instanceof YamlSeq seq)) {
            return Optional.empty();
        }
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlMap task) {
                Optional<Found> found = inTask(task, file, trail, depth);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> inTask(YamlMap task, Path file, Set<Path> trail, int depth) {
        Optional<Found> own = of(task);
        if (own.isPresent()) {
            return own;
        }
        for (String block : BLOCKS) {
            Optional<Found> found = task.get(block).flatMap(b -> inTasks(b, file, trail, depth));
            if (found.isPresent()) {
                return found;
            }
        }
        for (YamlMap.Entry entry : task.entries()) {
            String key = entry.name();
            YamlNode target = entry.value() instanceof YamlMap m
                    ? m.get(key.contains("role") ? "name" : "file").orElse(null)
                    : entry.value();
            if (!(target instanceof YamlScalar s) || Jinja.isTemplate(s.text())) {
                continue;
            }
            Optional<Found> found = Optional.empty();
            if (TaskWalker.INCLUDES.contains(key)) {
                found = walker.named()
                        .resolve(file.toAbsolutePath().getParent(), s.text(), key, s.location())
                        .flatMap(included -> inFile(included, trail, depth + 1));
            } else if (TaskWalker.ROLE_INCLUDES.contains(key)) {
                found = walker.findRole(s.text(), file, s.location()).flatMap(dir -> inRole(dir, trail, depth + 1));
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What a task itself shows, by its module and the text of its arguments. */
    static Optional<Found> of(YamlMap task) {
        for (YamlMap.Entry entry : task.entries()) {
            String module = entry.name();
            if (Modules.DSC.contains(module) && entry.value() instanceof YamlMap args) {
                Optional<String> resource = args.text("resource_name").map(String::strip);
                if (resource.isPresent()
                        && resource.get().toLowerCase(Locale.ROOT).startsWith("exch")) {
                    return Optional.of(new Found(
                            "uses the ExchangeDsc resource " + resource.get(),
                            entry.key().location()));
                }
            } else if (Modules.SHELL.contains(module) || PACKAGE.contains(module)) {
                StringBuilder text = new StringBuilder();
                collect(entry.value(), text);
                task.get("args").ifPresent(args -> collect(args, text));
                Optional<String> why = why(text);
                if (why.isPresent()) {
                    return Optional.of(new Found(why.get(), entry.key().location()));
                }
            }
        }
        return Optional.empty();
    }

    /** What a command line shows, if anything. */
    static Optional<String> why(CharSequence text) {
        boolean license = LICENSE.matcher(text).find();
        Matcher mode = INSTALL_MODE.matcher(text);
        boolean installMode = mode.find();
        if ((installMode && (license || SETUP.matcher(text).find()))
                || (license && !PREPARE.matcher(text).find())) {
            return Optional.of("installs Exchange (its setup with "
                    + (installMode ? mode.group() : "/IAcceptExchangeServerLicenseTerms") + ")");
        }
        if (EXCHANGE_ONLINE.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher cmdlet = CMDLET.matcher(text);
        if (cmdlet.find()) {
            return Optional.of("runs the Exchange cmdlet " + cmdlet.group());
        }
        Matcher snapIn = SNAP_IN.matcher(text);
        if (snapIn.find()) {
            return Optional.of("loads the Exchange Management Shell (" + snapIn.group() + ")");
        }
        return Optional.empty();
    }

    private static void collect(YamlNode node, StringBuilder text) {
        if (text.length() >= MOST_TEXT) {
            return;
        }
        if (node instanceof YamlScalar s) {
            text.append(s.text(), 0, Math.min(s.text().length(), MOST_TEXT - text.length()))
                    .append('\n');
        } else if (node instanceof YamlMap m) {
            m.entries().forEach(e -> collect(e.value(), text));
        } else if (node instanceof YamlSeq seq) {
            seq.items().forEach(i -> collect(i, text));
        }
    }
}
