def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] infra/exchange.yaml:17:7: EX3001 hcw-connector-choice: HCW will configure 'Internal Relay EX01' on EX01 (tier 2: its RemoteIPRanges are exactly IPv4-all), not 'Default Frontend EX01', the connector marked hybrid: true (tier 5: its RemoteIPRanges are a single IPv4 address or range)")
assert log.contains("EX3005 hybrid-connector-role: HCW will pick 'Internal Relay EX01' on EX01, which runs in HubTransport")
assert log.contains("[WARNING] infra/exchange.yaml:20:24: EX3008 default-frontend-narrowed: 'Default Frontend EX01' no longer accepts every address")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif'))
assert sarif.runs[0].results*.ruleId.containsAll(['EX3001', 'EX3003', 'EX3004', 'EX3005', 'EX3008'])
return true
