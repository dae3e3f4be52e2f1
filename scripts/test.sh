#!/usr/bin/env bash
# npm test: the same set-up on databases and broker ports of its own, then lint and every test; always cleans up.
# The suite runs as two halves side by side (test/support/shard-sequencer.js), each on its own broker and
# database, so one half's waits overlap the other's; each half runs its files one at a time.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

PORTS=("${SAMAD_TEST_KAFKA_PORT:-19092}" "${SAMAD_TEST_KAFKA_PORT_2:-19096}")
DATABASES=(
  "${SAMAD_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samad_test}"
  "${SAMAD_TEST_DATABASE_URL_2:-postgres://postgres@127.0.0.1:5432/samad_test_2}"
)
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# The end-to-end test signs in as the demo users, as a person trying `npm start` would.
export SAMAD_DEMO_USERS=1

# Runs a command against half $1's broker and database.
in_half() {
  local half=$1
  shift
  KAFKA_PORT="${PORTS[$half]}" KAFKA_BROKERS="127.0.0.1:${PORTS[$half]}" DATABASE_URL="${DATABASES[$half]}" "$@"
}
stop_brokers() { for half in 0 1; do in_half "$half" bash infra/local/kafka.sh stop; done; }

require_tools
ensure_dependencies || exit 1
build || exit 1
build_console || exit 1
ensure_chromium
ensure_nginx
trap stop_brokers EXIT
trap 'exit 130' INT TERM # so the EXIT trap runs on Ctrl-C too
in_half 0 ensure_local_postgres
for half in 0 1; do
  in_half "$half" env KAFKA_FRESH=1 bash infra/local/kafka.sh start || exit 1
  in_half "$half" run_node dist/scripts/prepare.js --fresh || exit 1
done

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

say "tests: two halves side by side, each line prefixed with its half ([1] cluster-wide and browser files, [2] the rest)"
pids=()
for half in 0 1; do
  n=$((half + 1))
  rm -f ".local/jest-results-$n.json"
  # --forceExit: a handle some test left open must not keep CI waiting after every result is in.
  (in_half "$half" npx jest --ci --forceExit --passWithNoTests --shard="$n/2" --json \
    --outputFile=".local/jest-results-$n.json" "$@" 2>&1 | sed -u "s/^/[$n] /") &
  pids+=($!)
done
jest_status=0
for pid in "${pids[@]}"; do wait "$pid" || jest_status=1; done

wait "$checks_pid"
checks_failed=$(($? == 0 ? 0 : 1))
say "lint, format, types: $([ "$checks_failed" -eq 0 ] && echo clean || echo FAILED)"
cat .local/checks.log
# Stop the brokers now, so the counts below are the very last line (CI reads it).
trap - EXIT
stop_brokers
node scripts/summarize-tests.js "$checks_failed" .local/jest-results-1.json .local/jest-results-2.json
summary_status=$?
[ "$checks_failed" -eq 0 ] && [ "$jest_status" -eq 0 ] && [ "$summary_status" -eq 0 ]
