#!/usr/bin/env bash
# One command from a fresh clone to the whole test suite: typecheck, lint, unit tests, build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm ci --no-audit --no-fund
npm test
