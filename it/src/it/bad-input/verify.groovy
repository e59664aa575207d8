def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] infra/broken.yaml:4:5: EX0001 yaml-syntax: expected ',' or '}', but got : (while parsing a flow mapping)")
assert log.contains('[ERROR] infra/ex03.yaml:1:1: EX1005 tls-not-pinned: server EX03 does not declare 20 of the 20')
assert log.contains('[ERROR] infra/ex03.yaml:1:1: EX1009 tls13-unsupported: TLS 1.3 is enabled')
// The only exception is Maven's own report of the failed check: nothing the plugin threw by accident.
assert !(log =~ /Caused by: (?!org\.apache\.maven\.plugin\.MojoFailureException)/)
return true
