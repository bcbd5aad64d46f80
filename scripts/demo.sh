#!/usr/bin/env bash
# One command from a fresh clone to the demo: installs Chromium and the npm packages, builds the
# extension and opens it on the bundled demo deal pages (screenshots in demo-output/ when headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm ci --no-audit --no-fund
npm run build
npm run -s demo -- "$@"
