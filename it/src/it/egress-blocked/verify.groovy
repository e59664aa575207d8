def log = new File(basedir, 'build.log').text
// One default blocks the ten URLs of the mitigation service's chain: one finding, at it, naming them all.
assert log.contains("[ERROR] infra/exchange.yaml:6:14: EX2001 crl-endpoint-blocked: 10 URLs are blocked for EX01: http://cacerts.digicert.com/ (AIA issuer URL of the Emergency Mitigation Service's chain (built-in catalog)), http://crl.microsoft.com/ (")
assert log.contains("; the way out is WinHTTP direct, and the egress default 'deny' at exchange.yaml:6; allow cacerts.digicert.com, crl.microsoft.com, crl3.digicert.com, crl4.digicert.com, ctldl.windowsupdate.com, mscrl.microsoft.com, ocsp.digicert.com, ocsp.msocsp.com, oneocsp.microsoft.com and www.microsoft.com on port 80 in egress.rules")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
def ids = sarif.runs[0].results*.ruleId
assert ids.count('EX2001') == 1
assert !ids.contains('EX2004')
return true
