import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every link of a built site that stays inside it leads to a file of the site: run on the staged site
 * ({@code java .ci/SiteLinks.java target/staging}). External links are not followed (CI reaches only Maven
 * Central and npm); anchors within a page are not checked.
 */
public final class SiteLinks {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    public static void main(String[] args) throws IOException {
        Path site = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> dead = new ArrayList<>();
        int checked = 0;
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (link.isEmpty() || link.startsWith("#") || link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                String path = link.replaceFirst("[?#].*$", "");
                if (path.isEmpty()) {
                    continue;
                }
                checked++;
                Path target = page.getParent().resolve(URI.create("x:/" + path.replace(" ", "%20")).getPath()
                        .substring(1)).normalize();
                if (path.endsWith("/")) {
                    target = target.resolve("index.html");
                }
                if (!target.startsWith(site) || !Files.exists(target)) {
                    dead.add(site.relativize(page) + ": " + link);
                }
            }
        }
        dead.forEach(System.out::println);
        System.out.println(pages.size() + " pages, " + checked + " links inside the site, " + dead.size() + " dead");
        if (!dead.isEmpty()) {
            System.exit(1);
        }
    }
}
