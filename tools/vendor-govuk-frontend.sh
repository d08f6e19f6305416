#!/usr/bin/env bash
# Refreshes the vendored GOV.UK Frontend styles and script from npm.
# SchoolSight is an LA service, not on GOV.UK: it ships no GDS Transport font and no crown (see docs/decisions/0003).
set -euo pipefail
VERSION="${1:-5.14.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm init -y >/dev/null && npm install "govuk-frontend@$VERSION" >/dev/null)
DEST="$ROOT/src/SchoolSight.Web/wwwroot/lib/govuk-frontend"
mkdir -p "$DEST/images"
cp "$WORK/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css" "$WORK/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js" "$DEST/"
cp "$WORK/node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico" "$WORK/node_modules/govuk-frontend/dist/govuk/assets/images/favicon.svg" "$DEST/images/"
cp "$WORK/node_modules/govuk-frontend/LICENSE.txt" "$DEST/" 2>/dev/null || true
sed -i 's|//# sourceMappingURL=.*||' "$DEST"/*.min.*
echo "$VERSION" > "$DEST/VERSION"
