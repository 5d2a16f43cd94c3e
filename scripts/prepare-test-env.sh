#!/usr/bin/env bash
# Everything the test suite needs on a fresh Debian machine, installed or started only when
# missing: npm dependencies, Debian's Chromium (browser tests), a running PostgreSQL (store suite).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "prepare: installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "prepare: installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_ready; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "prepare: installing PostgreSQL…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  fi
  echo "prepare: starting PostgreSQL…"
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "prepare: PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
# The store suite creates its own databases through this one; make sure trust auth lets us in.
psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null || { echo "prepare: cannot connect to PostgreSQL as postgres on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select 1 from pg_available_extensions where name = 'unaccent'" | grep -q 1 || { echo "prepare: the unaccent extension is missing (apt-get install postgresql-contrib)" >&2; exit 1; }
echo "prepare: ready (node $(node --version), chromium, PostgreSQL)"
