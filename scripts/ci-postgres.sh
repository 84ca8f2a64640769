#!/bin/sh
# Makes PostgreSQL's server binaries available for the store tests (test/store/postgres-server.ts
# runs initdb and pg_ctl itself, in a temporary folder on a loopback port; nothing is started here).
# Installs Debian's `postgresql` package when no initdb is found in PATH or /usr/lib/postgresql/*/bin.
set -eu

have_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
  done
  return 1
}

if have_initdb; then
  echo "ci-postgres: PostgreSQL binaries present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-postgres: no initdb and no apt-get: install PostgreSQL server binaries by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The package's own cluster is not needed: the tests make their own.
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if command -v pg_ctlcluster >/dev/null 2>&1; then $SUDO service postgresql stop >/dev/null 2>&1 || true; fi

if have_initdb; then
  echo "ci-postgres: installed $(ls -d /usr/lib/postgresql/*/bin | tail -n 1)"
else
  echo "ci-postgres: postgresql installed but initdb not found" >&2
  exit 1
fi
