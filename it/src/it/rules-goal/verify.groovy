def log = new File(basedir, 'build.log').text
assert log =~ /EX1003 dotnet-strong-crypto\s+error\s+SchUseStrongCrypto is declared/
assert log =~ /EX1008 legacy-tls-enabled\s+warning/
assert log.contains('More: https://exchangecompliance.github.io/exchange-compliance-maven-plugin/rules/EX1003.html')
return true
