#!/usr/bin/env bash
# Renders the site report of the example organization and one rule page in headless Chromium (Debian's
# chromium package) and saves screenshots under target/screenshots/, to look at what readers see.
# Run after ./mvnw install (it builds the sites itself).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
./mvnw -B -ntp -q site site:stage
./mvnw -B -ntp -q -f examples/pom.xml site
mkdir -p target/screenshots
shoot() { # page, png
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --window-size=1280,1800 --screenshot="target/screenshots/$2" "file://$PWD/$1" 2>/dev/null
  echo "target/screenshots/$2"
}
shoot examples/target/site/exchange-compliance.html report.png
shoot target/staging/exchange-compliance-maven-plugin/rules/EX2001.html rule-EX2001.png
shoot target/staging/hcw.html hcw.png
