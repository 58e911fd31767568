#!/usr/bin/env bash
# Installs the Debian packages the tests and the local broker need, when they are missing:
# a JDK and Maven (local Kafka), PostgreSQL (integration tests on a real server) and Chromium
# (the live page test). Idempotent; needs root (or says which command to run).
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# The system runner needs only Kafka's; the test suite needs all of them.
if [ "${SKIP_POSTGRES:-0}" != 1 ]; then compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql); fi
if [ "${SKIP_CHROMIUM:-0}" != 1 ]; then [ -x /usr/bin/chromium ] || missing+=(chromium); fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-system-packages: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "ensure-system-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
