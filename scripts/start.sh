#!/usr/bin/env bash
# npm start: everything up in one terminal; Ctrl-C stops it all, the broker included.
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
bash infra/local/kafka.sh start
pids=()
stop_all() {
  trap "" INT TERM # finish cleaning up even if npm forwards a second signal
  trap - EXIT
  say "stopping services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  bash infra/local/kafka.sh stop
  exit 0
}
trap stop_all INT TERM EXIT
run_node dist/scripts/prepare.js

mkdir -p .local/logs
for service in intake routing agency reporting; do
  run_node "dist/apps/$service/src/main.js" > >(tee ".local/logs/$service.log") 2>&1 &
  pids+=("$!")
done
run_node dist/scripts/wait-for-services.js
wait -n "${pids[@]}" || true
say "a service exited; stopping the rest"
