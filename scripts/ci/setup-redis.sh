#!/usr/bin/env bash
# CI: the Redis store's tests and the distribution benchmark start their own
# redis-server on a free loopback port; this makes sure the binary exists.
# Idempotent and quiet; never depends on (or leaves) a system service.
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  # Debian may start its own service; the tests never use it, so stop it when we can.
  (command -v systemctl >/dev/null 2>&1 && $SUDO systemctl stop redis-server >/dev/null 2>&1) || true
  (command -v service >/dev/null 2>&1 && $SUDO service redis-server stop >/dev/null 2>&1) || true
fi
redis-server --version
