def log = new File(basedir, 'build.log').text
assert log.contains('Exchange compliance: read 0 files (skipped 2 files that are not Exchange infrastructure), checked 0 servers: 0 errors, 0 warnings, 0 notes')
return true
