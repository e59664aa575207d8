def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.rules*.id.containsAll(['EX0001', 'EX1003', 'EX1012'])
def log = new File(basedir, 'build.log').text
assert log.contains('Exchange compliance: read 1 file, checked 2 servers: 0 errors, 0 warnings, 0 notes')
return true
