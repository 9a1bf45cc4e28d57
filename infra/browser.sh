#!/usr/bin/env bash
# The browser the web UI's tests drive (test/browser/*.spec.ts): Debian's chromium at
# /usr/bin/chromium, installed with apt when missing. Idempotent; never downloads a browser
# any other way. Called at the end of infra/up; runnable on its own.
set -euo pipefail

say() { printf '[infra/browser] %s\n' "$*"; }

if command -v chromium >/dev/null 2>&1; then
  say "chromium: installed ($(command -v chromium))"
  exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { say "ERROR: chromium is missing and installing it needs root (or sudo)" >&2; exit 1; }
  SUDO=(sudo)
fi
say "chromium: not installed, installing Debian's chromium with apt-get (about 30 s)"
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null 2>&1 || { say "ERROR: apt-get finished but chromium is still not on the PATH" >&2; exit 1; }
say "chromium: installed ($(command -v chromium))"
