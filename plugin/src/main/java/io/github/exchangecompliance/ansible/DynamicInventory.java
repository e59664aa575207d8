package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Inventories whose hosts only exist when Ansible runs them (EX0007): a plugin configuration (a YAML mapping with
 * {@code plugin:}, which Ansible's {@code auto} plugin hands to that plugin) or a script (Ansible's {@code script}
 * plugin runs a file that starts with {@code #!} or is executable). Neither can be evaluated offline, and neither
 * is ever read as an empty static inventory.
 */
public final class DynamicInventory {

    /**
     * Inventory plugins by their short name, for a configuration found in the repository that no inventory setting
     * names; a plugin of another name is recognised when the file's name ends with it, as most plugins require
     * ({@code demo.aws_ec2.yml}).
     */
    private static final Set<String> KNOWN_PLUGINS = Set.of(
            "aws_ec2",
            "aws_rds",
            "azure_rm",
            "gcp_compute",
            "vmware_vm_inventory",
            "vmware_host_inventory",
            "openstack",
            "hcloud",
            "constructed",
            "generator",
            "nb_inventory",
            "proxmox",
            "foreman",
            "nmap",
            "virtualbox",
            "docker_containers",
            "docker_swarm",
            "kubevirt",
            "k8s",
            "linode",
            "digitalocean",
            "scaleway",
            "vultr",
            "nutanix_vm",
            "oci",
            "ovirt",
            "lxd",
            "tower",
            "controller",
            "scvmm",
            "hyperv",
            "advanced_host_list",
            "icinga2");

    /** Endings of files that are programs, whatever their mode: a checkout may lose the executable bit. */
    private static final Set<String> SCRIPT_ENDINGS = Set.of(".py", ".sh", ".ps1", ".rb", ".pl", ".php", ".js", ".exe");

    private DynamicInventory() {}

    /** The plugin a document configures ({@code amazon.aws.aws_ec2}), when it is a plugin configuration. */
    static Optional<String> plugin(YamlNode root) {
        return root instanceof YamlMap map
                ? map.text("plugin").map(String::strip).filter(p -> !p.isEmpty())
                : Optional.empty();
    }

    /**
     * The plugin a file the scan found configures, when it is recognisably an inventory plugin's configuration: the
     * plugin is a known inventory plugin, or the file's name ends with the plugin's name.
     */
    public static Optional<String> foundInRepository(Path file, YamlNode root) {
        return plugin(root).filter(plugin -> {
            String shortName = plugin.substring(plugin.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String name =
                    String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).replaceFirst("\\.ya?ml$", "");
            return KNOWN_PLUGINS.contains(shortName) || name.endsWith(shortName);
        });
    }

    /** True for an inventory file Ansible would run: it starts with {@code #!}, or its name is a program's. */
    static boolean isScript(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (SCRIPT_ENDINGS.stream().anyMatch(name::endsWith)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == '#' && in.read() == '!';
        } catch (IOException e) {
            return false;
        }
    }

    /** EX0007's message for a plugin configuration. */
    public static String pluginMessage(String plugin) {
        return "a dynamic inventory (plugin: " + plugin + "): its hosts exist only when Ansible runs the plugin, so "
                + "none of them is checked; " + HOW_TO_DECLARE;
    }

    static String scriptMessage() {
        return "an inventory script: its hosts exist only when Ansible runs it, so none of them is checked; "
                + HOW_TO_DECLARE;
    }

    private static final String HOW_TO_DECLARE = "name a static inventory of the Exchange servers for the check "
            + "(parameter ansibleInventory, an INI or YAML file such as 'ansible-inventory --list -y' writes), or "
            + "declare them as native Server documents";
}
