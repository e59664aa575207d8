def log = new File(basedir, 'build.log').text
assert log.contains("EX2001 crl-endpoint-blocked: http://crl3.digicert.com/ (CRL distribution point of the Emergency Mitigation Service's chain (built-in catalog)) is blocked for EX01: the way out is WinHTTP direct")
assert log.contains("EX2009 proxy-settings: the WinHTTP proxy of EX01 is not declared but its internetWebProxy is proxy.contoso.com:8080")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
def ids = sarif.runs[0].results*.ruleId
assert !ids.contains('EX2004')
assert ids.count('EX2001') == 10
return true
