import groovy.json.JsonSlurper

// The pom is the README's snippet as it stands (the invoker put the version back).
def readme = new File(basedir, '../../../../README.md').text
def section = readme.substring(readme.indexOf('## Add it to your repository'))
def snippet = (section =~ /(?s)```xml\n(.*?)```/)[0][1]
assert new File(basedir, 'pom.xml').text == snippet

// Console: a line a finding (file:line:column: rule name: message), the file's counts, the summary, the failure.
def log = new File(basedir, 'build.log').text
def error = "exchange/servers.yaml:13:88: EX1003 dotnet-strong-crypto: SchUseStrongCrypto is 0 under HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319; set it to 1"
assert log.contains("[ERROR] " + error)
assert log.contains('exchange/servers.yaml: 1 error, 2 warnings, 0 notes')
assert log.contains('Exchange compliance: read 1 file, checked 2 servers: 1 error, 2 warnings, 0 notes')
assert log.contains('Exchange compliance failed: 1 error, 2 warnings, 0 notes (failOnSeverity error)')

def out = new File(basedir, 'target/exchange-compliance')
// SARIF: the finding at its file and whole region, the rule with what code scanning ranks by (CI validates the
// file with Microsoft's SARIF Multitool as well).
def sarif = new JsonSlurper().parse(new File(out, 'exchange-compliance.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'EX1003' }
def location = result.locations[0].physicalLocation
assert location.artifactLocation.uri.endsWith('exchange/servers.yaml')
assert location.region.startLine == 13 && location.region.startColumn == 88 && location.region.endColumn > 88
def rule = sarif.runs[0].tool.driver.rules.find { it.id == 'EX1003' }
assert rule.properties.'security-severity' == '8.0' && rule.help.markdown.contains('EX1003')

// JUnit: one failing case for the error, named by rule and place; warnings pass, as failOnSeverity says.
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-exchange-compliance.xml'))
assert junit.@failures.toInteger() == 1
assert junit.testcase.find { it.failure.size() == 1 }.@name.text() == 'EX1003 at exchange/servers.yaml:13:88'

// JSON: the same counts as the console, and the finding.
def json = new JsonSlurper().parse(new File(out, 'exchange-compliance.json'))
assert json.summary.errors == 1 && json.summary.warnings == 2 && json.summary.serversChecked == 2
assert json.findings.find { it.ruleId == 'EX1003' }.message == error.substring(error.indexOf('SchUseStrongCrypto'))

// GitLab: the three findings for the merge-request widget.
def gitlab = new JsonSlurper().parse(new File(out, 'gl-code-quality-report.json'))
assert gitlab.size() == 3 && gitlab.find { it.severity == 'critical' }.location.lines.begin == 13

// The site report: the whole page, the finding and its rule's page.
def html = new File(basedir, 'target/site/exchange-compliance.html').text
assert html.contains('Findings by rule') && html.contains('Findings by file')
assert html.contains('exchange/servers.yaml:13:88')
assert html.contains('https://exchangecompliance.github.io/exchange-compliance-maven-plugin/rules/EX1003.html')
return true
