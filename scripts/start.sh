#!/usr/bin/env bash
# npm start: everything up in one terminal; Ctrl-C stops it all: the services first, the broker last.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samad}"
# The demo sign-ins (operator1, supervisor1, auditor1, admin1, staff.<agency>; password samad-demo).
export SAMAD_DEMO_USERS="${SAMAD_DEMO_USERS:-1}"

require_tools
ensure_dependencies
build
build_console
bash infra/local/kafka.sh start
supervisor=""
waiter=""
console=""
stop_all() {
  trap "" INT TERM # finish cleaning up even if npm forwards a second signal
  trap - EXIT
  if [ -n "$waiter" ]; then kill "$waiter" 2>/dev/null || true; fi
  if [ -n "$console" ]; then kill "$console" 2>/dev/null || true; fi
  # The supervisor stops every service process it started (SIGTERM, then SIGKILL at its deadline)...
  if [ -n "$supervisor" ]; then
    kill -TERM "$supervisor" 2>/dev/null || true
    wait "$supervisor" 2>/dev/null || true
  fi
  # ...and only then does the broker go, so no service loses Kafka while it drains.
  bash infra/local/kafka.sh stop
  exit 0
}
trap stop_all INT TERM EXIT
ensure_local_postgres
run_node dist/scripts/prepare.js

# In the background so a SIGTERM to this script reaches the trap (bash defers traps until a foreground child
# ends); node itself, not the run_node function, so that $! is the supervisor's pid and not a subshell's.
node -r "$ROOT/scripts/register-paths.js" dist/scripts/supervise.js &
supervisor=$!
# The console and the APIs on one origin, http://localhost:3000 (CONSOLE_PORT), routed as the ingress does.
node -r "$ROOT/scripts/register-paths.js" dist/scripts/console-server.js &
console=$!
# Prints where to go once every instance is healthy (and says which are slow, meanwhile).
node -r "$ROOT/scripts/register-paths.js" dist/scripts/wait-for-services.js &
waiter=$!
wait "$supervisor" || true
