def page = new File(basedir, 'target/site/exchange-compliance.html')
assert page.exists()
def html = page.text
assert html.contains('Findings by rule')
assert html.contains('Findings by file')
assert html =~ /<table/
assert html.contains('https://exchangecompliance.github.io/exchange-compliance-maven-plugin/rules/EX1003.html')
assert html.contains('infra/baseline.yaml:11:27')
assert html.contains('infra/ex01.yaml (servers EX01)')
assert html.contains('5 errors, 0 warnings, 0 notes')
return true
