// The pom is the README's "Add it to your repository" snippet, as it stands (the invoker put the version back).
def readme = new File(basedir, '../../../../README.md').text
def section = readme.substring(readme.indexOf('## Add it to your repository'))
def snippet = (section =~ /(?s)```xml\n(.*?)```/)[0][1]
assert new File(basedir, 'pom.xml').text == snippet

// It reads the whole repository and turns no rule off: the legacy TLS warnings (Server and Client of TLS 1.0), and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('Exchange compliance: read 1 file, checked 2 servers: 0 errors, 2 warnings, 0 notes')
assert log.contains('exchange/servers.yaml:6:')

// mvn site builds the whole report page, not its first heading only.
def html = new File(basedir, 'target/site/exchange-compliance.html').text
assert html.contains('Findings by rule')
assert html.contains('Findings by file')
assert html.contains('https://exchangecompliance.github.io/exchange-compliance-maven-plugin/rules/EX1008.html')
assert html.contains('exchange/servers.yaml:6:')
return true
