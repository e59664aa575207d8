package io.github.exchangecompliance.model;

import java.util.List;

/** The Windows Server releases a server may declare as {@code operatingSystem}. */
public final class OperatingSystem {

    public static final List<String> NAMES = List.of(
            "WindowsServer2008R2",
            "WindowsServer2012",
            "WindowsServer2012R2",
            "WindowsServer2016",
            "WindowsServer2019",
            "WindowsServer2022",
            "WindowsServer2025");

    private OperatingSystem() {}

    /** Windows Server 2022 and later enable TLS 1.3 unless told otherwise. */
    public static boolean enablesTls13ByDefault(String name) {
        return "WindowsServer2022".equals(name) || "WindowsServer2025".equals(name);
    }

    public static String display(String name) {
        return name.replace("WindowsServer", "Windows Server ");
    }
}
