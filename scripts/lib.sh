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

# The people's console (ADR 0040): static files in dist/console, served with the APIs on one origin.
build_console() {
  say "building the console (Vite)"
  npx vite build --config apps/console/vite.config.mjs --logLevel warn
}

# The browser tests drive Debian's Chromium; install it when missing and this shell may (root with apt-get).
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing Chromium for the browser tests (apt-get install -y chromium)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 ||
      say "could not install Chromium; the browser tests will say how"
  fi
  return 0
}

# The console image's nginx configuration is tested with the machine's own nginx (Debian's nginx-light).
# Exports NGINX_BIN (Debian puts nginx in /usr/sbin, which a non-login PATH may lack).
ensure_nginx() {
  local found
  found="${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
  if [ ! -x "$found" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing nginx for the console image's test (apt-get install -y nginx-light)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) >/dev/null 2>&1 ||
      say "could not install nginx; that test says why it does not run"
  fi
  export NGINX_BIN="$found"
  return 0
}

run_node() { node -r "$ROOT/scripts/register-paths.js" "$@"; }

# A local PostgreSQL that was stopped (a reboot, a killed session) is started again with the machine's own
# cluster tool; any other database is the operator's to run, and prepare.ts says so if it does not answer.
ensure_local_postgres() {
  local url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samad}"
  case "$url" in *@127.0.0.1:5432/* | *@localhost:5432/* | *@127.0.0.1/* | *@localhost/*) ;; *) return 0 ;; esac
  command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 && return 0
  command -v pg_ctlcluster >/dev/null || return 0
  local version
  for version in $(ls /etc/postgresql 2>/dev/null); do
    say "PostgreSQL $version is not answering on 127.0.0.1:5432; starting its cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/  /' || true
  done
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 1
  done
  return 0
}
