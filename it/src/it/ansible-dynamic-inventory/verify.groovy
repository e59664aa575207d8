def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.json'))
def notStatic = json.findings.findAll { it.ruleId == 'EX0007' }.collect { "${it.file}:${it.line} ${it.message}".toString() }
assert notStatic.size() == 2
assert notStatic[0].startsWith('inventory/cmdb.py:1 the file is an inventory script: its hosts exist only when Ansible runs it')
assert notStatic[1].startsWith('inventory/prod.aws_ec2.yml:1 the file is a dynamic inventory (plugin: amazon.aws.aws_ec2)')
assert notStatic.every { it.contains('parameter ansibleInventory') }
// The group the play installs Exchange on stands for one server, checked like any other.
assert json.servers.collect { it.name } == ['tag_type_exchange']
assert json.servers[0].file == 'install.yml' && json.servers[0].line == 1
assert json.findings.any { it.ruleId == 'EX1005' && it.file == 'install.yml' }
return true
