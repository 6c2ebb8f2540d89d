# The test suite opens the HTML report in a real browser, headless: Chromium or Chrome, found where CI
# runners and desktops have one, else (as root on Debian) Debian's chromium is installed.

# Prints the browser's path, or nothing. Looked for, in order: $CHROME, $CHROME_BIN, $CHROMIUM_BIN (the
# names CI images and test runners set), the usual commands on PATH, then the usual install paths.
zl_find_browser() {
  local candidate
  for candidate in "${CHROME:-}" "${CHROME_BIN:-}" "${CHROMIUM_BIN:-}"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  for candidate in chromium chromium-browser google-chrome google-chrome-stable chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /opt/google/chrome/chrome \
      /snap/bin/chromium; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

zl_ensure_browser() {
  local browser
  if browser=$(zl_find_browser); then
    export ZOMBIELAB_BROWSER="$browser"
    zl_say "Browser: $("$browser" --version 2>/dev/null | head -1) at $browser (for the HTML report's test)"
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    zl_fail_env "no Chromium or Chrome for the HTML report's test: looked at \$CHROME, \$CHROME_BIN, \$CHROMIUM_BIN, chromium, chromium-browser, google-chrome and chrome on PATH, and /usr/bin, /opt/google/chrome, /snap/bin. Install one (Debian, as root: apt-get install chromium) or set CHROME=/path/to/chrome."
  fi
  zl_say "Browser: none found; installing Debian's chromium for the HTML report's test (about a minute)..."
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || zl_fail_env "apt-get update failed"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || zl_fail_env "apt-get install chromium failed (see the lines above)"
  export ZOMBIELAB_BROWSER=/usr/bin/chromium
}
