package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangecompliance.engine.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Registries that share keys: each still says what its own declarations say, and a shared key is never changed. */
class RegistryTest {

    private static final RegistryPath NET = RegistryPath.parse(
            "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319").orElseThrow();
    private static final RegistryPath TLS12 = RegistryPath.parse(
            "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server")
            .orElseThrow();
    private static final Location AT = new Location(Path.of("roles/tls/tasks/main.yml"), 3, 5);

    @Test
    void addingAnotherRegistrySharesItsNewKeysAndMergesTheOnesAlreadyHere() {
        Registry task = new Registry();
        task.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        task.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("Enabled", 1, "1", AT));
        Registry host = new Registry();
        host.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("DisabledByDefault", 0, "0", AT));

        host.addAll(task);

        assertThat(host.key(NET).orElseThrow()).isSameAs(task.key(NET).orElseThrow());
        assertThat(host.key(TLS12).orElseThrow()).isNotSameAs(task.key(TLS12).orElseThrow());
        assertThat(host.key(TLS12).orElseThrow().values()).extracting(RegistryValue::name)
                .containsExactly("DisabledByDefault", "Enabled");
        assertThat(task.key(TLS12).orElseThrow().values()).extracting(RegistryValue::name).containsExactly("Enabled");
    }

    @Test
    void aSharedKeyIsCopiedByTheRegistryThatChangesItAndTheOthersKeepIt() {
        Registry task = new Registry();
        task.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        Registry first = new Registry();
        Registry second = new Registry();
        first.addAll(task);
        second.addAll(task);

        first.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 0, "0", AT));

        assertThat(first.value(NET, "schusestrongcrypto").orElseThrow().number()).isEqualTo(0L);
        assertThat(second.value(NET, "SchUseStrongCrypto").orElseThrow().number()).isEqualTo(1L);
        assertThat(task.value(NET, "SchUseStrongCrypto").orElseThrow().number()).isEqualTo(1L);
        assertThat(second).isEqualTo(task).hasSameHashCodeAs(task).isNotEqualTo(first);
        RegistryKey shared = task.key(NET).orElseThrow();
        assertThatThrownBy(() -> shared.put(RegistryValue.dword("SystemDefaultTlsVersions", 1, "1", AT)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shared");
    }
    @Test
    void registriesAreEqualByWhatTheyDeclareWhetherTheyShareKeyObjectsOrNot() {
        Registry task = new Registry();
        task.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        task.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("Enabled", 1, "1", AT));
        Registry sharing = new Registry();
        sharing.addAll(task);
        Registry written = new Registry();
        written.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        written.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("Enabled", 1, "1", AT));
        Registry reversed = new Registry();
        reversed.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("Enabled", 1, "1", AT));
        reversed.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        Registry other = new Registry();
        other.keyFor(NET, NET.text(), AT).put(RegistryValue.dword("SchUseStrongCrypto", 1, "1", AT));
        other.keyFor(TLS12, TLS12.text(), AT).put(RegistryValue.dword("Enabled", 0, "0", AT));

        assertThat(sharing).isEqualTo(task).isEqualTo(written).isEqualTo(reversed).hasSameHashCodeAs(reversed);
        assertThat(task).isEqualTo(sharing).isNotEqualTo(other);
        assertThat(other).isNotEqualTo(sharing);
    }
}

