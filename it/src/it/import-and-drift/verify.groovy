def log = new File(basedir, 'build.log').text
def slurp = { new groovy.json.JsonSlurper().parse(new File(basedir, it)) }

// 1. The import: a file a server, the organization, the certificate with its whole chain; what it lacked, said.
assert log.contains('[INFO] Exchange compliance: imported 2 servers (EDGE01, EX01), 1 send connector and 1 Exchange certificate: 5 files in ')
assert log.contains('[INFO] Exchange compliance: EX01: the exports hold no operating system, no WinHTTP proxy; its file declares none of that')
def ex01 = new File(basedir, 'exchange/servers/ex01.yaml').text
assert ex01.contains("  version: '15.2.1544.4'\n  roles: [Mailbox]\n")
assert ex01.contains("    'HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319':\n      SchUseStrongCrypto: 0\n")
assert ex01.contains("    - name: Default Frontend EX01\n")
assert new File(basedir, 'exchange/servers/edge01.yaml').text.contains('  roles: [Edge]\n')
def organization = new File(basedir, 'exchange/organization.yaml').text
assert organization.contains("  environment: Global\n")
assert organization.contains("    mailFlowServers: [EX01]\n    certificate: mail-contoso-com\n")
def pem = new File(basedir, 'exchange/certificates/mail-contoso-com.pem').text
assert pem.count('-----BEGIN CERTIFICATE-----') == 3 : 'the leaf, the issuing CA and the root'
assert !pem.contains('PRIVATE')

// 2. The first check: what the servers have wrong today, and no drift (none was asked for).
def first = slurp('target/first-check/exchange-compliance.json')
assert first.findings.collect { it.ruleId + ' ' + it.file + ':' + it.line }.sort() == [
    'EX1003 exchange/servers/ex01.yaml:16',
    'EX1005 exchange/servers/edge01.yaml:1',
    'EX1005 exchange/servers/ex01.yaml:11',
    'EX4002 exchange/servers/ex01.yaml:7']

// 3. Exported again, after EX01 was given a proxy: that, once, at the server's document; the rest as before.
assert log.contains("[WARNING] exchange/servers/ex01.yaml:1:1: EX0008 live-drift: EX01: internetWebProxy is 'http://proxy.contoso.com:8080/' in the exports (exports/2027-01-15/servers.xml:11) but the repository does not declare it")
assert log.contains('; compared the exports of 2 servers (8 files): 1 difference (EX0008)')
def drift = slurp('target/drift/exchange-compliance.json')
assert drift.findings.findAll { it.ruleId == 'EX0008' }.size() == 1
assert drift.findings.findAll { it.ruleId != 'EX0008' }.collect { it.ruleId + ' ' + it.file + ':' + it.line }.sort() ==
    first.findings.collect { it.ruleId + ' ' + it.file + ':' + it.line }.sort()
return true
