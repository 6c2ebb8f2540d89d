# `./zombielab doctor` in a checkout: first the few lines only the launcher knows (what building zombielab and
# ./zombielab test need: Java, Maven, Go, a browser, the build), then the CLI's own doctor (engine, cgroup, probe, base
# image, what zombielab left on the engine), the same as a release archive's. Installs, builds and starts nothing.

zl_doctor_line() { printf '%-8s %-16s %s\n' "$1" "$2" "$3"; }

# The launcher's lines (Java only when it is missing: the CLI's doctor names the one it runs on). Sets ZL_DOCTOR_MISSING=1 when one is MISSING; returns 0 when the CLI's doctor can run (Java
# 17+ and a build: a stale build still answers), 3 when it cannot (then it says why, and what to do).
zl_doctor_launcher() {
  local root="$1" java_major java_ok=0 built=0 current=0 tool
  ZL_DOCTOR_MISSING=0
  echo "zombielab doctor, the checkout's launcher: what building zombielab and ./zombielab test need"
  echo
  java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  if [ -n "$java_major" ] && [ "${java_major%%.*}" -ge 17 ] 2>/dev/null; then
    java_ok=1 # the CLI's doctor says which Java
  else
    zl_doctor_line MISSING "java" "Java 17 or later is needed (found: ${java_major:-none}); apt-get install openjdk-17-jdk-headless"
    ZL_DOCTOR_MISSING=1
  fi
  if [ -d "$root/target/lib" ] && [ -d "$root/target/classes/io/zombielab" ]; then
    built=1
    if (cd "$root" && ! zl_build_stale); then
      current=1
      zl_doctor_line ok "build" "up to date (target/classes, target/lib)"
    else
      zl_doctor_line ok "build" "built, but sources changed since: the next run rebuilds (with Maven and Go)"
    fi
  else
    zl_doctor_line pending "build" "not built yet: the first run builds it (with Maven and Go)"
  fi
  # Maven and Go only build: a run with a current build needs neither; ./zombielab test needs both, and a browser.
  local need=MISSING
  [ "$current" = 1 ] && need=absent
  if command -v mvn >/dev/null 2>&1; then
    zl_doctor_line ok "maven" "$(mvn -v 2>/dev/null | head -1 | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/ (.*//')"
  else
    zl_doctor_line "$need" "maven" "no mvn: apt-get install maven (./zombielab test installs it, as root on Debian)"
    [ "$need" = absent ] || ZL_DOCTOR_MISSING=1
  fi
  if tool=$(command -v go 2>/dev/null); then
    zl_doctor_line ok "go" "$(go version 2>/dev/null | awk '{print $3}') (builds zl-helper)"
  else
    zl_doctor_line "$need" "go" "no go, which builds zl-helper: apt-get install golang-go (./zombielab test installs it, as root on Debian)"
    [ "$need" = absent ] || ZL_DOCTOR_MISSING=1
  fi
  if tool=$(zl_find_browser); then
    zl_doctor_line ok "browser" "$tool (the HTML report's test)"
  else
    zl_doctor_line absent "browser" "no Chromium or Chrome, which only the HTML report's test needs (./zombielab test installs Debian's chromium, as root)"
  fi
  echo
  if [ "$java_ok" = 1 ] && [ "$built" = 1 ]; then
    return 0
  fi
  # Without Java or a build, the CLI cannot look at the engine, the probe or the base image: that is no pass.
  echo "not ready: the engine, cgroup, probe and base image are the CLI's to check, which needs Java 17+ and the build;"
  echo "get what is MISSING above, run anything once to build it (./zombielab reproduce), then ./zombielab doctor again"
  return 3
}
