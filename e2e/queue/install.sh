#!/usr/bin/env bash
# Installs what the queue-mode end-to-end tests need besides n8n (e2e/install.sh): Debian's
# PostgreSQL and Redis server packages. Idempotent: does nothing when both are present.
#
# It only installs binaries. The tests start their own Postgres and Redis on free ports in scratch
# folders (e2e/queue/postgres.ts, redis.ts) and never use or change the machine's own services.
# So that installing does not start new system daemons on 5432/6379 (or fail because something
# already listens there), service starts are denied during the install with a temporary
# /usr/sbin/policy-rc.d, unless the machine already has one (containers usually do), which is kept.
set -euo pipefail

QUEUE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_DIR="$QUEUE_DIR/../.runtime"
LOG="$LOG_DIR/queue-install.log"

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
have_postgres() { local bin; bin="$(postgres_bin)"; [[ -n "$bin" && -x "$bin/initdb" && -x "$bin/postgres" && -x "$bin/psql" ]]; }
have_redis() { command -v redis-server >/dev/null && command -v redis-cli >/dev/null; }

report() { echo "queue: Postgres $("$(postgres_bin)/postgres" --version | awk '{print $3}') ($(postgres_bin)), $(redis-server --version | awk '{print $3}' | tr -d 'v=')."; }

if have_postgres && have_redis; then
  echo "queue: PostgreSQL and Redis already installed: skipping."
  report
  exit 0
fi

missing=()
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)

if [[ "$(id -u)" != 0 ]]; then
  echo "queue: ${missing[*]} missing, and installing needs root. Run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "queue: apt-get not found: install ${missing[*]} with this system's package manager." >&2; exit 1; }

mkdir -p "$LOG_DIR"
: > "$LOG"

added_policy=0
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\n# Temporary (e2e/queue/install.sh): no service starts while it installs.\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  added_policy=1
fi
cleanup() { if (( added_policy )); then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

apt_quiet() { DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@" >>"$LOG" 2>&1; }
install_missing() { apt_quiet install --no-install-recommends "${missing[@]}"; }
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'; }

start=$SECONDS
echo "queue: installing ${missing[*]} with apt-get (log: $LOG) ..."
# Fresh images often ship without package lists, and old lists point at files the mirror no longer
# has: update first when a package is unknown, and once more if the install fails anyway.
need_update=0
for package in "${missing[@]}"; do has_candidate "$package" || need_update=1; done
if (( need_update )); then apt_quiet update || true; fi
if ! install_missing; then
  echo "queue: apt-get install failed; updating the package lists and trying once more." >&2
  apt_quiet update || true
  install_missing || {
    echo "queue: could not install ${missing[*]}. Last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  }
fi

if ! have_postgres || ! have_redis; then
  echo "queue: apt-get succeeded but initdb/postgres/psql or redis-server/redis-cli are still missing; see $LOG." >&2
  exit 1
fi
echo "queue: apt-get install ${missing[*]} took $((SECONDS - start)) s"
report
