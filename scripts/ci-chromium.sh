#!/bin/sh
# Makes Debian's Chromium available for the browser tests (test/browser/ drives /usr/bin/chromium
# with playwright-core; nothing is downloaded at test time). Installs the `chromium` package when missing.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ci-chromium: $($CHROMIUM --version 2>/dev/null || echo "$CHROMIUM present")"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-chromium: no $CHROMIUM and no apt-get: install Chromium by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Recommends pull in desktop extras a headless test run does not need; fonts keep the screenshots legible.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ -x "$CHROMIUM" ]; then
  echo "ci-chromium: installed $($CHROMIUM --version 2>/dev/null || echo "$CHROMIUM")"
else
  echo "ci-chromium: chromium installed but $CHROMIUM not found" >&2
  exit 1
fi
