package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Registries that share keys: each still says what its own declarations say, and a shared key is never changed. */
class RegistryTest {

    private static final RegistryPath NET = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319")
            .orElseThrow();
    private static final RegistryPath TLS12 = RegistryPath.parse(
                    "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server")
            .orElseThrow();
    private static final Location AT = new Location(Path.of("roles/tls/tasks/main.yml"), 3, 5);

    @Test
    void addingAnotherRegistrySharesItsNewKeysAndMergesTheOnesAlreadyHere() {
        Registry task = new Registry();
        declare(task, NET, "SchUseStrongCrypto", 1);
        declare(task, TLS12, "Enabled", 1);
        Registry host = new Registry();
        declare(host, TLS12, "DisabledByDefault", 0);

        host.addAll(task);

        assertThat(host.key(NET).orElseThrow()).isSameAs(task.key(NET).orElseThrow());
        assertThat(host.key(TLS12).orElseThrow()).isNotSameAs(task.key(TLS12).orElseThrow());
        assertThat(host.key(TLS12).orElseThrow().values())
                .extracting(RegistryValue::name)
                .containsExactly("DisabledByDefault", "Enabled");
        assertThat(task.key(TLS12).orElseThrow().values())
                .extracting(RegistryValue::name)
                .containsExactly("Enabled");
    }

    @Test
    void aSharedKeyIsCopiedByTheRegistryThatChangesItAndTheOthersKeepIt() {
        Registry task = new Registry();
        declare(task, NET, "SchUseStrongCrypto", 1);
        Registry first = new Registry();
        Registry second = new Registry();
        first.addAll(task);
        second.addAll(task);

        declare(first, NET, "SchUseStrongCrypto", 0);

        assertThat(first.value(NET, "schusestrongcrypto").orElseThrow().number())
                .isEqualTo(0L);
        assertThat(second.value(NET, "SchUseStrongCrypto").orElseThrow().number())
                .isEqualTo(1L);
        assertThat(task.value(NET, "SchUseStrongCrypto").orElseThrow().number()).isEqualTo(1L);
        assertThat(second).isEqualTo(task).hasSameHashCodeAs(task).isNotEqualTo(first);
        RegistryKey shared = task.key(NET).orElseThrow();
        assertThatThrownBy(() -> shared.put(RegistryValue.dword("SystemDefaultTlsVersions", 1, "1", AT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shared");
    }

    @Test
    void registriesAreEqualByWhatTheyDeclareWhetherTheyShareKeyObjectsOrNot() {
        Registry task = new Registry();
        declare(task, NET, "SchUseStrongCrypto", 1);
        declare(task, TLS12, "Enabled", 1);
        Registry sharing = new Registry();
        sharing.addAll(task);
        Registry written = new Registry();
        declare(written, NET, "SchUseStrongCrypto", 1);
        declare(written, TLS12, "Enabled", 1);
        Registry reversed = new Registry();
        declare(reversed, TLS12, "Enabled", 1);
        declare(reversed, NET, "SchUseStrongCrypto", 1);
        Registry other = new Registry();
        declare(other, NET, "SchUseStrongCrypto", 1);
        declare(other, TLS12, "Enabled", 0);

        assertThat(sharing)
                .isEqualTo(task)
                .isEqualTo(written)
                .isEqualTo(reversed)
                .hasSameHashCodeAs(reversed);
        assertThat(task).isEqualTo(sharing).isNotEqualTo(other);
        assertThat(other).isNotEqualTo(sharing);
    }

    /** Declares a DWORD value as a task would: through {@link Registry#keyFor}. */
    private static void declare(Registry registry, RegistryPath key, String name, long value) {
        registry.keyFor(key, key.text(), AT).put(RegistryValue.dword(name, value, String.valueOf(value), AT));
    }
}
