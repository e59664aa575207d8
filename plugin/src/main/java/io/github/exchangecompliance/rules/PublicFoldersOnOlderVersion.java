package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX4001",
        name = "public-folders-on-older-version",
        severity = Severity.ERROR,
        summary = "User mailboxes are placed on servers of a newer Exchange version than every server holding "
                + "public-folder mailboxes.",
        description = "Outlook on the web cannot 'access public folders located on servers running previous versions "
                + "of Exchange' (Microsoft's public folder FAQ): Exchange 2019 users cannot open their public "
                + "folder favorites while the public-folder mailboxes are still on Exchange 2016 or 2013. Versions "
                + "compare as 15.0 (2013), 15.1 (2016) and 15.2 (2019 and SE). Move the public-folder mailboxes "
                + "to the newest version before any user mailbox (field advice from an Exchange MVP). Not "
                + "reported while a server with public-folder mailboxes has no known version.",
        needs = {ServerFact.VERSION},
        sources = {
            "https://learn.microsoft.com/exchange/collaboration/public-folders/faq",
            "https://granikos.eu/exchange-server-2019-no-public-folders-available/"
        })
public final class PublicFoldersOnOlderVersion implements ModelRule {

    private static final java.util.Map<String, String> PRODUCTS =
            java.util.Map.of("15.0", "Exchange 2013", "15.1", "Exchange 2016", "15.2", "Exchange 2019 or SE");

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        List<Server> folderServers =
                model.servers().stream().filter(s -> count(s, false) > 0).toList();
        if (folderServers.isEmpty()
                || folderServers.stream().anyMatch(s -> version(s).isEmpty())) {
            return;
        }
        String newestFolders = folderServers.stream()
                .map(s -> version(s).get().majorMinor())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<String> holders = new ArrayList<>();
        folderServers.forEach(
                s -> holders.add(s.displayName() + ": " + version(s).get().label()));
        for (Server server : model.servers()) {
            Optional<ExchangeVersion> version = version(server);
            if (count(server, true) > 0
                    && version.isPresent()
                    && version.get().majorMinor().compareTo(newestFolders) > 0) {
                out.report(
                        server.spec().userMailboxes().location(),
                        server.displayName() + " holds "
                                + count(server, true) + " user mailboxes on "
                                + version.get().label() + " ("
                                + version.get().majorMinor()
                                + "), newer than every server with public-folder mailboxes ("
                                + String.join(", ", holders) + "): Outlook on the web users there cannot open public "
                                + "folders; move the public-folder mailboxes to a "
                                + version.get().majorMinor() + " server ("
                                + PRODUCTS.get(version.get().majorMinor()) + ") first");
            }
        }
    }

    private static long count(Server server, boolean users) {
        var value = users ? server.spec().userMailboxes() : server.spec().publicFolderMailboxes();
        return value == null ? 0 : value.value();
    }

    private static Optional<ExchangeVersion> version(Server server) {
        return server.spec().version() == null
                ? Optional.empty()
                : ExchangeVersions.bundled().place(server.spec().version().value());
    }
}
