#!/bin/sh
# Install Debian's Chromium and its ChromeDriver for the query page's browser test
# (tests/graph/test_page_browser.py). No browser is downloaded by a test tool: Selenium
# drives /usr/bin/chromium through /usr/bin/chromedriver. Idempotent; needs root (or sudo).
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
