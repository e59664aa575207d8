def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] infra/exchange.yaml:21:27: EX3009 hybrid-send-connector-certificate: the tlsCertificateName of the send connector to Exchange Online 'Outbound to Office 365 - 6f1c8a2e' does not name the hybrid certificate mail-contoso-2026; set it to <I>CN=Contoso Issuing CA 2, O=Contoso, C=US<S>CN=mail.contoso.com, O=Contoso, C=US")
// The receive side names the renewed certificate: the send side is the only place to change.
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
assert sarif.runs[0].results*.ruleId == ['EX3009']
return true
