#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages:
# - python3-aiosmtpd: the real SMTP server the email sender's tests talk to (tests/EmergencyWorkflows.Emergency.Tests/Notifications/Smtp);
# - chromium: the browser the Elsa Studio end-to-end tests drive through Playwright (tests/EmergencyWorkflows.BrowserTests);
# - fonts-wqy-microhei: a Chinese font, so that the browser tests' screenshots of the Chinese pages show characters.
# Idempotent; run as root.
set -euo pipefail

missing=()
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-test-deps: python3-aiosmtpd, chromium and a Chinese font already present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: must run as root (apt-get install ${missing[*]})" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
/usr/bin/python3 -c 'import aiosmtpd' && [ -x /usr/bin/chromium ] && echo "install-test-deps: installed ${missing[*]}"
