#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's python3-aiosmtpd, the real SMTP server the email
# sender's tests talk to (tests/EmergencyWorkflows.Emergency.Tests/Notifications/Smtp). Idempotent; run as root.
set -euo pipefail

if /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "install-test-deps: python3-aiosmtpd already present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: must run as root (apt-get install python3-aiosmtpd)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-aiosmtpd
/usr/bin/python3 -c 'import aiosmtpd' && echo "install-test-deps: python3-aiosmtpd installed"
