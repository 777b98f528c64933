#!/usr/bin/env bash
# The browser e2e tests need Debian's chromium at /usr/bin/chromium (or $CHROMIUM_PATH). Install it if missing.
set -euo pipefail
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "chromium is missing at $BIN and we are not root: run 'apt-get install -y chromium' or set CHROMIUM_PATH." >&2
	exit 1
fi
echo "Installing chromium (Debian package)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x "$BIN" ] || { echo "chromium still missing at $BIN" >&2; exit 1; }
