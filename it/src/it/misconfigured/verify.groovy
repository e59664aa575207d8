def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] infra/baseline.yaml:8:16: EX1002 tls12-client: Enabled is 0 under ')
assert log.contains('[ERROR] infra/baseline.yaml:8:16: EX1006 tls-client-server-mismatch: TLS 1.2 is enabled for Server (Enabled 1, DisabledByDefault 0) but disabled for Client (Enabled 0, DisabledByDefault 0)')
assert log.contains('[ERROR] infra/baseline.yaml:11:27: EX1003 dotnet-strong-crypto: SchUseStrongCrypto is 0 under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319; set it to 1')
assert log.contains('[ERROR] infra/ex01.yaml:6:3: EX1005 tls-not-pinned: server EX01 does not declare ')
assert log.contains('[ERROR] infra/ex01.yaml:7:5: EX1007 tls-key-typo: Windows never reads the key ')
assert log.contains('Exchange compliance failed: 5 errors, 0 warnings, 0 notes (failOnSeverity error)')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
// URIs are relative to the repository's root (%SRCROOT%): this build's folder, as a path of its own.
def root = new URI(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri)
def local = { uri -> basedir.toPath().toAbsolutePath().normalize()
        .relativize(java.nio.file.Paths.get(root.resolve(uri))).toString().replace('\\', '/') }
def found = sarif.runs[0].results.collect {
    def l = it.locations[0].physicalLocation
    "${it.ruleId} ${local(l.artifactLocation.uri)}:${l.region.startLine}:${l.region.startColumn} ${it.level}".toString()
}
assert found == ['EX1002 infra/baseline.yaml:8:16 error', 'EX1006 infra/baseline.yaml:8:16 error', 'EX1003 infra/baseline.yaml:11:27 error',
                 'EX1005 infra/ex01.yaml:6:3 error', 'EX1007 infra/ex01.yaml:7:5 error']
sarif.runs[0].results.each { assert it.locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%' }
return true
