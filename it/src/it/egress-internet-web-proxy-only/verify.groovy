def log = new File(basedir, 'build.log').text
assert log.contains("EX2001 crl-endpoint-blocked: 10 URLs are blocked for EX01: ")
assert log.contains("; the way out is WinHTTP direct, and the egress default 'deny' at exchange.yaml:6; allow ")
assert log.contains("EX2009 proxy-settings: the WinHTTP proxy of EX01 is not declared but its internetWebProxy is proxy.contoso.com:8080")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
def ids = sarif.runs[0].results*.ruleId
assert !ids.contains('EX2004')
assert ids.count('EX2001') == 1
return true
