package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryScope;

/** The check EX1003 and EX1004 share: a .NET value declared under one of the four keys must be 1. */
final class DotnetValueCheck {

    private DotnetValueCheck() {}

    static void check(RegistryScope scope, String valueName, Reporter out) {
        for (RegistryPath key : Tls.NET_KEYS) {
            Tls.dword(scope.registry(), key, valueName)
                    .filter(v -> v.number() != 1)
                    .ifPresent(v -> out.report(
                            v.location(), valueName + " is " + v.text() + " under " + key + "; set it to 1"));
        }
    }
}
