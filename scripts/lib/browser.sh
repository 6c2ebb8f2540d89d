# The test suite opens the HTML report in a real browser: Debian's Chromium, headless.

zl_ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    zl_say "Chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1) (for the HTML report's test)"
    return 0
  fi
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    || zl_fail "Chromium (/usr/bin/chromium) is missing; the HTML report's test needs it: install Debian's chromium."
  zl_say "Chromium: installing Debian's chromium for the HTML report's test (about a minute)..."
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || zl_fail "apt-get update failed"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || zl_fail "apt-get install chromium failed (see the lines above)"
}
