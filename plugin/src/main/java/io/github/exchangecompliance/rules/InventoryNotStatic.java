package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the Ansible loader and the scan: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0007",
        name = "inventory-not-static",
        severity = Severity.WARNING,
        summary = "An Ansible inventory source cannot be evaluated offline (a dynamic-inventory plugin configuration "
                + "or a script): its hosts are unknown.",
        description = "A plugin configuration (a YAML file with plugin: amazon.aws.aws_ec2, "
                + "azure.azcollection.azure_rm, ...) or an inventory script produces its hosts only when Ansible runs "
                + "it, against a cloud's API or a program; the plugin never opens a network connection or runs a "
                + "program, so it does not know them, and it never reads such a file as an empty static inventory. "
                + "Give the check a static inventory of the Exchange servers (parameter ansibleInventory; "
                + "'ansible-inventory -i <source> --list -y' writes one), or declare the servers as native Server "
                + "documents. Plays that show they run on Exchange servers and name a group of the dynamic "
                + "inventory still stand for one server of that name.",
        sources = {
            "https://docs.ansible.com/ansible/latest/plugins/inventory.html",
            "https://docs.ansible.com/ansible/latest/inventory_guide/intro_dynamic_inventory.html"
        })
public final class InventoryNotStatic implements InputRule {}
