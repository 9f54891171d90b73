#!/usr/bin/env bash
# What the test suite needs beyond Swift: headless Chromium with its driver (Debian packages) and a
# Python virtual environment with selenium, pytest, axe, schemathesis and a QR decoder (PyPI). Installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v psql >/dev/null || need+=(postgresql-client-15)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing: ${need[*]} — install them with apt-get (needs root)" >&2; exit 1; fi
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x .venv/bin/pytest ] || ! .venv/bin/python -c 'import selenium, axe_selenium_python, jsonschema, schemathesis, zxingcpp, PIL' 2>/dev/null; then
  echo "creating .venv with the browser-test packages"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
fi
