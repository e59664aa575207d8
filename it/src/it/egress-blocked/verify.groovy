def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] infra/exchange.yaml:6:14: EX2001 crl-endpoint-blocked: http://crl3.digicert.com/ (CRL distribution point of the Emergency Mitigation Service's chain (built-in catalog)) is blocked for EX01: the way out is WinHTTP direct, and the egress default 'deny' at exchange.yaml:6; allow crl3.digicert.com on port 80 in egress.rules")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
def ids = sarif.runs[0].results*.ruleId
assert ids.count('EX2001') == 10
assert !ids.contains('EX2004')
return true
