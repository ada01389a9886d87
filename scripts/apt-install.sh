#!/usr/bin/env bash
# Installs Debian packages that are missing, as root or through sudo, and says clearly
# what to do when it cannot. Usage: apt-install.sh PACKAGE...
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "decuong: installing Debian packages: ${missing[*]}"
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "decuong: need root or sudo to run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "decuong: could not install ${missing[*]} (no network or no apt?). Install them by hand and run make again." >&2
  exit 1
fi
