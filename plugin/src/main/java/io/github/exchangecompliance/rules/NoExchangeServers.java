package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported when the model is built and holds no server: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0006",
        name = "no-exchange-servers",
        severity = Severity.WARNING,
        summary = "The repository holds Ansible, DSC or native documents, but no Exchange server was identified, so no "
                + "rule about a server was checked.",
        description = "A gate that saw no server would pass in silence. The Exchange servers are the hosts of the "
                + "inventory groups named by ansibleServerGroup when it is set; otherwise the hosts of the plays that "
                + "install Exchange (its setup with /Mode:Install or /IAcceptExchangeServerLicenseTerms), use "
                + "ExchangeDsc resources or run Exchange cmdlets, themselves or through their roles, and the hosts of "
                + "a group named exchange; and every native Server document and DSC document of an Exchange server. "
                + "The finding stands at the inventory (else ansible.cfg, else the first file read) and lists the "
                + "inventory's groups with their host counts: set ansibleServerGroup to the groups of the Exchange "
                + "servers (a comma list), name the inventory with ansibleInventory, or declare the servers as "
                + "native Server documents.",
        sources = {
            "https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html",
            "https://learn.microsoft.com/exchange/plan-and-deploy/deploy-new-installations/unattended-installs"
        })
public final class NoExchangeServers implements InputRule {}
