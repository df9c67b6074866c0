#!/usr/bin/env bash
# Debian packages the tests need and npm cannot provide: PostgreSQL's server binaries (initdb,
# pg_ctl) for the registry's PostgreSQL tests. Installed only when missing; needs root (CI is root).
set -euo pipefail
have_pg() { for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && return 0; done; command -v initdb >/dev/null && command -v pg_ctl >/dev/null; }
if ! have_pg; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL server binaries are missing; run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "Installing Debian's postgresql (for the registry's PostgreSQL tests)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
id postgres >/dev/null 2>&1 || { echo "the postgres system user is missing (it comes with Debian's postgresql package)" >&2; exit 1; }
