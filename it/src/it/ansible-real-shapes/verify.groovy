def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.json'))
def log = new File(basedir, 'build.log').text

// The servers, found from what the plays do, in the inventory's order, each saying why.
assert json.servers.collect { it.name } == ['ex01.contoso.com', 'ex02.contoso.com', 'edge01.contoso.com']
assert json.servers[0].file == 'inventory/hosts.yml' && json.servers[0].line == 5
assert json.servers[0].identifiedBy == 'a play installs Exchange (its setup with /Mode:Install) on it (install.yml:9)'
assert json.servers[2].identifiedBy == 'a play uses the ExchangeDsc resource ExchExchangeServer on it (edge.yml:5)'
assert log.contains('checked 3 servers')

def at = { f -> "${f.ruleId} ${f.file}:${f.line}".toString() }
def findings = json.findings.collect(at)
// The value from the inventory folder's group_vars, once for both mailbox servers.
assert findings.count('EX1001 inventory/group_vars/exchange_mailbox.yml:2') == 1
// The connector written over several lines with backticks is read: its backwards range is found, at the command.
assert findings.count('EX3007 roles/relay/tasks/main.yml:2') == 2
// The version of the media (2019 CU14, out of support at the reference date) and of the native group (2016 CU23).
def versions = json.findings.findAll { it.ruleId == 'EX4002' }.collect { "${it.file}:${it.line} ${it.message}".toString() }
assert versions.any { it.startsWith('inventory/group_vars/exchange_mailbox.yml:1 ex01.contoso.com runs Exchange 2019 CU14') }
assert log.contains('EX1009: 2 servers without a Windows version')
assert versions.any { it.startsWith('exchange/edge.yaml:7 edge01.contoso.com runs Exchange 2016 CU23') }
// Files that hold only comments or "---" are no finding; the README in the inventory folder is no inventory.
assert !json.findings.any { it.file in ['group_vars/dcs.yml', 'host_vars/dc01.contoso.com.yml', 'inventory/README.md'] }
assert !json.findings.any { it.ruleId in ['EX0001', 'EX0006', 'EX0007'] }
return true
