package io.github.exchangecompliance.model;

import java.util.List;
import java.util.Map;

/**
 * The Microsoft 365 clouds an organization may belong to (its {@code environment}), and the domain each one's
 * hybrid mail comes from (DOMAIN.md: Global from mail.protection.outlook.com, GCC High and DoD from
 * mail.protection.office365.us, 21Vianet from mail.protection.partner.outlook.cn).
 */
public final class Clouds {

    /** The names the native format and the environment parameter accept, Global first. */
    public static final List<String> NAMES = List.of("Global", "GCCHigh", "DoD", "China");

    private static final Map<String, String> HYBRID_MAIL_DOMAINS = Map.of(
            "Global",
            "mail.protection.outlook.com",
            "GCCHigh",
            "mail.protection.office365.us",
            "DoD",
            "mail.protection.office365.us",
            "China",
            "mail.protection.partner.outlook.cn");

    private Clouds() {}

    /** The domain Exchange Online's hybrid mail comes from in this cloud (Global's for an unknown one). */
    public static String hybridMailDomain(String cloud) {
        return HYBRID_MAIL_DOMAINS.getOrDefault(cloud, HYBRID_MAIL_DOMAINS.get("Global"));
    }
}
