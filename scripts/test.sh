#!/usr/bin/env bash
# npm test: the same set-up on its own database and broker port, then lint and every test; always cleans up.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

export KAFKA_PORT="${SAMAD_TEST_KAFKA_PORT:-19092}"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export DATABASE_URL="${SAMAD_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samad_test}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# The end-to-end test signs in as the demo users, as a person trying `npm start` would.
export SAMAD_DEMO_USERS=1

require_tools
ensure_dependencies || exit 1
build || exit 1
build_console || exit 1
ensure_chromium
ensure_nginx
trap 'bash infra/local/kafka.sh stop' EXIT
trap 'exit 130' INT TERM # so the EXIT trap runs on Ctrl-C too
KAFKA_FRESH=1 bash infra/local/kafka.sh start || exit 1
ensure_local_postgres
run_node dist/scripts/prepare.js --fresh || exit 1

mkdir -p .local
# Lint, format and types only read files: they run beside Jest at a lower priority (Jest's integration
# files mostly wait on Kafka and PostgreSQL), and their output is printed once Jest is done.
say "lint (ESLint with Nx module boundaries), format (Prettier), types (tsc): beside the tests, reported after them"
(
  status=0
  nice -n 10 npx nx show projects >/dev/null && nice -n 10 npx eslint . --max-warnings=0 || status=1
  nice -n 10 npx prettier --check . --log-level=warn || status=1
  nice -n 10 npx tsc -p tsconfig.json --noEmit || status=1
  nice -n 10 npx tsc -p apps/console/tsconfig.json --noEmit || status=1
  exit "$status"
) >.local/checks.log 2>&1 &
checks_pid=$!

# --forceExit: a handle some test left open must not keep CI waiting after every result is in.
npx jest --ci --forceExit --json --outputFile=.local/jest-results.json "$@"
jest_status=$?
wait "$checks_pid"
checks_failed=$(($? == 0 ? 0 : 1))
say "lint, format, types: $([ "$checks_failed" -eq 0 ] && echo clean || echo FAILED)"
cat .local/checks.log
# Stop the broker now, so the counts below are the very last line (CI reads it).
trap - EXIT
bash infra/local/kafka.sh stop
node scripts/summarize-tests.js .local/jest-results.json "$checks_failed"
summary_status=$?
[ "$checks_failed" -eq 0 ] && [ "$jest_status" -eq 0 ] && [ "$summary_status" -eq 0 ]
