package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Exchange version a host gets from the install media its tasks use (SPEC section 4.4): an ISO or folder named
 * as Microsoft names them ({@code ExchangeServer2019-x64-CU14.ISO}, {@code ExchangeServerSE-x64.iso}, the
 * subscription downloads' {@code mu_exchange_server_2019_cumulative_update_14_x64_dvd_....iso}) in a path of a task
 * that mounts, copies, downloads or runs it, written there or in a variable it uses. Read as {@code 2019 CU14},
 * {@code SE RTM}: the product and update the version table knows.
 */
final class InstallMedia {

    private static final Pattern MEDIA = Pattern.compile(
            "exchange[-_ ]?(?:server|svr)[-_ ]?(2016|2019|se)"
                    + "(?:[-_ ]?x64)?(?:[-_ ]?(?:cu|cumulative[-_ ]update[-_ ]?)(\\d{1,2}))?(?:[-_ ]?x64)?"
                    + "[^\\\\/\\s\"']{0,200}?(?:\\.iso\\b|[\\\\/])",
            Pattern.CASE_INSENSITIVE);

    /** The modules that mount, copy, fetch, unpack or run install media. */
    private static final Set<String> MODULES = Stream.of(
                    Modules.SHELL,
                    Set.of(
                            "win_disk_image",
                            "community.windows.win_disk_image",
                            "win_package",
                            "ansible.windows.win_package",
                            "win_copy",
                            "ansible.windows.win_copy",
                            "win_get_url",
                            "ansible.windows.win_get_url",
                            "win_unzip",
                            "community.windows.win_unzip",
                            "win_dsc",
                            "ansible.windows.win_dsc"))
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private InstallMedia() {}

    /** The task's module when it is one that handles install media. */
    static Optional<YamlMap.Entry> module(YamlMap task) {
        for (YamlMap.Entry entry : task.entries()) {
            if (MODULES.contains(entry.name())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The version the task's media names, rendered with the host's variables; empty when it names none. */
    static Optional<Value<String>> version(YamlMap.Entry module, Jinja jinja) {
        return find(module.value(), jinja);
    }

    private static Optional<Value<String>> find(YamlNode node, Jinja jinja) {
        if (node instanceof YamlScalar s) {
            Var text = new Var(s.text(), s.location());
            if (Jinja.isTemplate(s.text())) {
                try {
                    text = jinja.render(s.text(), s.location());
                } catch (Unresolved e) {
                    // Not a value a rule reads: a path that cannot be rendered names no version.
                    return Optional.empty();
                }
            }
            // At the variable that names the media, when a variable does: that is the line to change.
            Var rendered = text;
            return rendered.value() instanceof String written
                    ? named(written).map(v -> Value.of(v, rendered.location()))
                    : Optional.empty();
        }
        if (node instanceof YamlMap m) {
            return m.entries().stream()
                    .map(e -> find(e.value(), jinja))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (node instanceof YamlSeq seq) {
            return seq.items().stream()
                    .map(i -> find(i, jinja))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    /** {@code 2019 CU14} for a text that names Exchange 2019 CU14's media. */
    static Optional<String> named(String text) {
        Matcher media = MEDIA.matcher(text);
        if (!media.find()) {
            return Optional.empty();
        }
        String product = media.group(1).toUpperCase(Locale.ROOT);
        return Optional.of(product + " " + (media.group(2) == null ? "RTM" : "CU" + Integer.parseInt(media.group(2))));
    }
}
