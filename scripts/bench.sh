#!/usr/bin/env bash
# npm run bench:<name>: compile, then run bench/<name>.bench.js (against the local PostgreSQL or a running system).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_tools
ensure_dependencies
build
run_node "dist/bench/$1.bench.js"
