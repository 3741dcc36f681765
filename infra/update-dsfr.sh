#!/usr/bin/env bash
# Refreshes the DSFR assets served by the web app from the npm package @gouvfr/dsfr (1.15.x).
# The assets are committed, so running the app never needs npm; only this update does.
set -euo pipefail
version="${1:-1.15}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/web/wwwroot/lib/dsfr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@gouvfr/dsfr@$version" --silent >/dev/null && tar xzf gouvfr-dsfr-*.tgz)
dist="$work/package/dist"
rm -rf "$target"
mkdir -p "$target/utility/icons"
cp "$dist/dsfr.min.css" "$dist/dsfr.module.min.js" "$dist/dsfr.nomodule.min.js" "$target/"
cp -r "$dist/fonts" "$dist/favicon" "$dist/icons" "$target/"
cp "$dist/utility/icons/icons.min.css" "$target/utility/icons/"
cp "$work/package/LICENSE.md" "$target/LICENSE.md"
echo "@gouvfr/dsfr $(node -p "require('$work/package/package.json').version") (dist/), refreshed by infra/update-dsfr.sh" > "$target/VERSION"
cat "$target/VERSION"
# The public pages' part of the stylesheet is generated from the new one.
"$root/infra/update-public-css.sh"
