#!/usr/bin/env bash
# Makes this checkout runnable on a fresh machine, idempotently:
#   - a Node.js the code runs on: 22.18+, 24.11+ or 26+ (`.ts` files run directly, tsup 9); installs
#     Node 24 from the npm registry's `node@24` package when the machine's does not qualify,
#   - pnpm at the version pinned in package.json's `packageManager`,
#   - the workspace dependencies (frozen lockfile).
# Source it (`. scripts/bootstrap.sh`) so that the right `node` and `pnpm` stay on PATH afterwards.
set -euo pipefail

ORDER_SERVICE_CACHE="${ORDER_SERVICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/order-service}"
export ORDER_SERVICE_CACHE
# Nothing after the install step may reach a registry or a telemetry endpoint.
export TURBO_TELEMETRY_DISABLED=1 npm_config_update_notifier=false
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$ORDER_SERVICE_CACHE"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  # Kept in step with package.json's engines.
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit((a===22&&b>=18)||(a===24&&b>=11)||a>=26?0:1)'
}

if ! node_is_recent_enough; then
  node24_dir="$ORDER_SERVICE_CACHE/node24"
  if [ ! -x "$node24_dir/node_modules/.bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { echo "bootstrap: npm is missing; install Node.js (any version with npm) first, e.g. apt-get install nodejs npm" >&2; exit 1; }
    echo "bootstrap: Node.js $(node -v 2>/dev/null || echo none) does not qualify (needs 22.18+, 24.11+ or 26+); installing Node 24 into $node24_dir" >&2
    npm install --silent --no-audit --no-fund --prefix "$node24_dir" node@24 >&2
  fi
  export PATH="$node24_dir/node_modules/.bin:$PATH"
fi

pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$repo_root/package.json")"
pnpm_dir="$ORDER_SERVICE_CACHE/pnpm-$pnpm_version"
if [ ! -x "$pnpm_dir/node_modules/.bin/pnpm" ]; then
  echo "bootstrap: installing pnpm $pnpm_version into $pnpm_dir" >&2
  npm install --silent --no-audit --no-fund --prefix "$pnpm_dir" -E "pnpm@$pnpm_version" >&2
fi
export PATH="$pnpm_dir/node_modules/.bin:$PATH"

if [ "${BOOTSTRAP_SKIP_INSTALL:-0}" != "1" ]; then
  (cd "$repo_root" && pnpm install --frozen-lockfile --reporter=append-only >&2)
fi
echo "bootstrap: node $(node -v), pnpm $(pnpm -v)" >&2
