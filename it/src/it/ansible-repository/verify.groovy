def slurp = { new groovy.json.JsonSlurper().parse(new File(basedir, "target/${it}/exchange-compliance.sarif")) }
// URIs are relative to the repository's root (%SRCROOT%): this build's folder, as a path of its own.
def root = new URI(slurp('ansible').runs[0].originalUriBaseIds['%SRCROOT%'].uri)
def local = { uri -> basedir.toPath().toAbsolutePath().normalize()
        .relativize(java.nio.file.Paths.get(root.resolve(uri))).toString().replace('\\', '/') }
def ansible = slurp('ansible').runs[0].results
def nativeResults = slurp('native').runs[0].results
def summary = { results -> results.collect { "${it.ruleId} ${it.message.text}".toString() }.sort() }
assert !ansible.isEmpty()
assert summary(ansible) == summary(nativeResults)
// The Ansible finding points at the variable that holds the wrong value.
def strongCrypto = ansible.findAll { it.ruleId == 'EX1003' }
assert strongCrypto.size() == 4
strongCrypto.each {
    def location = it.locations[0].physicalLocation
    assert local(location.artifactLocation.uri) == 'ansible/group_vars/exchange.yml'
    assert location.region.startLine == 2
}
def log = new File(basedir, 'build.log').text
assert log.contains('checked 2 servers')
return true
