package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.RegistryScope;

/** The check EX1001 and EX1002 share: TLS 1.2 must not be switched off on one side. */
final class TlsSideCheck {

    private TlsSideCheck() {}

    static void check(RegistryScope scope, String role, String consequence, Reporter out) {
        Tls.Side side = Tls.side(scope.registry(), "TLS 1.2", role);
        side.enabled()
                .filter(v -> v.number() == 0)
                .ifPresent(v -> out.report(
                        v.location(),
                        "Enabled is " + v.text() + " under " + side.key() + ": " + consequence + "; set it to 1"));
        side.disabledByDefault()
                .filter(v -> v.number() == 1)
                .ifPresent(v -> out.report(
                        v.location(),
                        "DisabledByDefault is " + v.text() + " under " + side.key() + ": " + consequence
                                + "; set it to 0"));
    }
}
