#!/usr/bin/env bash
# Regenerates web/wwwroot/css/dsfr-public.css, the part of the DSFR stylesheet the pages shown to visitors
# who are not signed in use, from web/wwwroot/lib/dsfr/dsfr.min.css and those pages' sources
# (tests/VoixUsager.Tests/Infrastructure/PublicStylesheet.cs). Run it after changing a public page's classes
# or updating the DSFR; the test that compares the committed file with the generated one fails until then.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build tests/VoixUsager.Tests -c Release -nologo -v q
VOIXUSAGER_UPDATE_PUBLIC_CSS=1 dotnet test tests/VoixUsager.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~PublicStylesheetTests.The_committed_public_stylesheet_is_the_generated_one"
wc -c web/wwwroot/css/dsfr-public.css
