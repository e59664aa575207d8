// Doxia 1 would stop the report at its first table and log a LinkageError; the report says what to pin instead.
def log = new File(basedir, 'build.log').text
assert log.contains('Exchange compliance: the site plugin renders with Doxia 1, which this report cannot use; pin maven-site-plugin 3.21.0 in <build><pluginManagement>')
assert !log.contains('LinkageError')
return true
