package io.github.exchangecompliance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut past normalizing gives what normalizing gives, for every kind of name. */
class NormalPathsTest {

    @Test
    void givesTheAbsoluteNormalPathWhetherOrNotItHadToBeNormalized() {
        Path base = Path.of("").toAbsolutePath();
        for (String written : List.of(
                "a/b.yml",
                "./a/b.yml",
                "a/./b.yml",
                "a/../b.yml",
                "a/b/..",
                "..",
                ".hidden/x.yml",
                "a/.b/..c/...",
                "a/b.yml.",
                "a/..b/c",
                base.resolve("x/../y.yml").toString())) {
            Path path = Path.of(written);
            Path expected = path.toAbsolutePath().normalize();
            assertThat(NormalPaths.of(path)).as(written).isEqualTo(expected).isAbsolute();
            assertThat(NormalPaths.of(path).toString()).as(written).isEqualTo(expected.toString());
        }
        Path normal = base.resolve("group_vars/all.yml");
        assertThat(NormalPaths.of(normal)).isSameAs(normal);
    }
}
