#!/usr/bin/env bash
# Debian packages the tests need and npm cannot provide, installed only when missing (needs root;
# CI is root): PostgreSQL's server binaries (initdb, pg_ctl) for the registry's PostgreSQL tests,
# Chromium for the browser tests (driven by playwright-core; no browser download), and a CJK font
# so that the screenshots show Chinese text rather than empty boxes.
set -euo pipefail
have_pg() { for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && return 0; done; command -v initdb >/dev/null && command -v pg_ctl >/dev/null; }
have_chromium() { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }
have_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }

missing=()
have_pg || missing+=(postgresql)
have_chromium || missing+=(chromium)
have_cjk_font || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages for the tests: ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
id postgres >/dev/null 2>&1 || { echo "the postgres system user is missing (it comes with Debian's postgresql package)" >&2; exit 1; }
