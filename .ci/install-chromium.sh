#!/usr/bin/env bash
# Installs Debian's chromium (the reports module's browser test uses it) only when /usr/bin/chromium is missing.
# Quiet and non-interactive. Without root or sudo it says so and leaves the test to skip itself.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-chromium: not root and no sudo; the browser test will be skipped" >&2
    exit 0
  fi
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
