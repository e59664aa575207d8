def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.json'))
def log = new File(basedir, 'build.log').text
assert json.servers.isEmpty()
assert json.findings.collect { "${it.ruleId} ${it.file}:${it.line}".toString() } == ['EX0006 inventory.ini:1']
assert json.findings[0].message.startsWith('no Exchange server was identified, so no rule about a server was checked: '
        + "the inventory's groups are windows (2 hosts), linux (1 host)")
assert log.contains('[WARNING] inventory.ini:1:1: EX0006 no-exchange-servers:')
assert log.contains('checked 0 servers: 0 errors, 1 warning, 0 notes')
return true
