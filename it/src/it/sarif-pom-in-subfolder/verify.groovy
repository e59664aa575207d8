def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'build/target/exchange-compliance/exchange-compliance.sarif'))
def run = sarif.runs[0]
def root = new URI(run.originalUriBaseIds['%SRCROOT%'].uri)
// Every result resolves, against the repository's root, to the YAML beside the pom's folder: none climbs out of it.
run.results.each {
    def location = it.locations[0].physicalLocation.artifactLocation
    assert location.uriBaseId == '%SRCROOT%'
    assert !location.uri.startsWith('../') && !location.uri.startsWith('/')
    assert java.nio.file.Paths.get(root.resolve(location.uri)) == new File(basedir, 'infra/ex01.yaml').toPath().toAbsolutePath().normalize()
}
assert !run.results.isEmpty()
return true
