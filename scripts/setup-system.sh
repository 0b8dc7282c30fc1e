#!/usr/bin/env bash
# System packages the tests need beyond Python: headless Chromium and its driver for the partner page's browser
# test. Idempotent; does something only as root on a machine with apt-get, and is a silent no-op otherwise.
set -euo pipefail

PACKAGES=(chromium chromium-driver)

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    exit 0
fi
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" || {
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}
