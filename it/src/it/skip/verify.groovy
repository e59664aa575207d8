assert !new File(basedir, 'target/exchange-compliance/exchange-compliance.sarif').exists()
assert new File(basedir, 'build.log').text.contains('Exchange compliance: skipped (exchange-compliance.skip)')
return true
