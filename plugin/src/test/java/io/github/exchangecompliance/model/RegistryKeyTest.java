package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys compare by what they say; the remembered hash follows every change. */
class RegistryKeyTest {

    private static final RegistryPath PATH = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319")
            .orElseThrow();
    private static final Location AT = new Location(Path.of("tls.yaml"), 3, 5);

    @Test
    void aValuePutAfterHashingChangesTheHash() {
        RegistryKey key = key();
        RegistryKey same = key();
        Set<RegistryKey> seen = new HashSet<>();
        seen.add(key);
        assertThat(seen).contains(same);

        key.put(RegistryValue.dword("SystemDefaultTlsVersions", 1, "1", AT));

        RegistryKey neverHashed = key();
        neverHashed.put(RegistryValue.dword("SystemDefaultTlsVersions", 1, "1", AT));
        assertThat(key).isNotEqualTo(same).isEqualTo(neverHashed).hasSameHashCodeAs(neverHashed);
        assertThat(new HashSet<>(Set.of(key))).doesNotContain(same).contains(neverHashed);
    }

    private static RegistryKey key() {
        RegistryKey key = new RegistryKey(PATH, PATH.text(), AT);
        key.put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        return key;
    }
}
