#!/usr/bin/env bash
# Renders the site report of the example organization and one rule page in headless Chromium (Debian's
# chromium package) at 900 and 1280 pixels and saves screenshots under target/screenshots/, to look at what readers
# see.
# Run after ./mvnw install (it builds the sites itself).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
./mvnw -B -ntp -q site site:stage
./mvnw -B -ntp -q -f examples/pom.xml site
mkdir -p target/screenshots
shoot() { # page, name, width
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --window-size="$3",1800 --screenshot="target/screenshots/$2-$3.png" "file://$PWD/$1" 2>/dev/null
  echo "target/screenshots/$2-$3.png"
}
# A narrow window (900 px) and a common one (1280 px): long findings must wrap, never push a table off the page.
for width in 900 1280; do
  shoot examples/target/site/exchange-compliance.html report "$width"
  shoot target/staging/exchange-compliance-maven-plugin/rules/EX2001.html rule-EX2001 "$width"
  shoot target/staging/fields.html fields "$width"
  shoot target/staging/hcw.html hcw "$width"
done
