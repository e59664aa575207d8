def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'exchange-compliance-baseline.json'))
assert baseline.findings.size() == 5
assert baseline.findings*.ruleId.containsAll(['EX1002', 'EX1003', 'EX1005', 'EX1006', 'EX1007'])
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
assert sarif.runs[0].results.size() == 5
assert sarif.runs[0].results.every { it.suppressions[0].kind == 'external' }
return true
