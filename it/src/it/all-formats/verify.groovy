def out = new File(basedir, 'target/exchange-compliance')
['exchange-compliance.sarif', 'TEST-exchange-compliance.xml', 'exchange-compliance.json', 'exchange-compliance.html',
        'gl-code-quality-report.json'].each {
    assert new File(out, it).exists() : it
}
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-exchange-compliance.xml'))
assert junit.@failures.toInteger() == 5
def strongCrypto = junit.testcase.findAll { it.@classname == 'exchange-compliance.EX1003 dotnet-strong-crypto' }
assert strongCrypto.any { it.@name.text().endsWith(':11:27') && it.failure.size() == 1 }
assert junit.testcase.collect { it.@name.text() }.unique().size() == junit.testcase.size()
def json = new groovy.json.JsonSlurper().parse(new File(out, 'exchange-compliance.json'))
assert json.schemaVersion == 1
assert json.summary.errors == 5
def gitlab = new groovy.json.JsonSlurper().parse(new File(out, 'gl-code-quality-report.json'))
assert gitlab.size() == json.findings.count { it.suppressed == null }
def strong = gitlab.find { it.check_name == 'EX1003 dotnet-strong-crypto' }
assert strong.location.lines.begin == 11 && strong.severity == 'critical' && strong.location.path.endsWith('.yaml')
assert gitlab*.fingerprint.unique().size() == gitlab.size()
def log = new File(basedir, 'build.log').text
assert log.contains('Exchange compliance: JUNIT report')
assert !out.listFiles().any { it.name.endsWith('.tmp') }
return true
