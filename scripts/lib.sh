# Shared by start.sh and test.sh: the set-up a newcomer would otherwise do by hand.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true

say() { printf 'samad: %s\n' "$*"; }

require_tools() {
  command -v node >/dev/null || { say "Node.js 20+ is required (node not found on PATH)"; exit 1; }
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || { say "Node.js 20+ is required (found $(node -v))"; exit 1; }
}

# Install exactly what package-lock.json pins, only when node_modules is missing or stale.
ensure_dependencies() {
  if ! node scripts/dependencies-current.js; then
    say "installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build() {
  say "compiling TypeScript"
  npx tsc -b tsconfig.build.json
}

run_node() { node -r "$ROOT/scripts/register-paths.js" "$@"; }
