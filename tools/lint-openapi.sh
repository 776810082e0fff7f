#!/usr/bin/env bash
# Lints the committed OpenAPI document (docs/api/openapi.json, written by ApiDocumentationTest) with Spectral's
# OpenAPI ruleset; fails on warnings too. Needs Node.js and npm (installs Spectral into target/spectral once).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x target/spectral/node_modules/.bin/spectral ]; then
  mkdir -p target/spectral
  (cd target/spectral && npm install --silent --no-audit --no-fund @stoplight/spectral-cli@6.16.3 > /dev/null)
fi
printf 'extends: ["spectral:oas"]\n' > target/spectral/.spectral.yaml
target/spectral/node_modules/.bin/spectral lint --ruleset target/spectral/.spectral.yaml --fail-severity warn docs/api/openapi.json
