def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
assert sarif.runs[0].results.collect { "${it.ruleId} ${it.level}".toString() } == ['EX1002 warning', 'EX1006 warning', 'EX1003 warning', 'EX1007 note']
assert new File(basedir, 'build.log').text.contains('0 errors, 3 warnings, 1 note')
return true
