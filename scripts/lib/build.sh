# Builds zombielab with Maven when its sources changed since the last build, and says so when they did not:
# a run from a built checkout (a CI cache, a copy made for another user) needs neither Maven's repository
# nor Go. The build leaves the CLI's classes (the lab module's) in target/classes and every jar it needs,
# zombielab-probe's included, in target/lib.

ZL_BUILD_STAMP=target/zombielab-build.stamp

# Whether the build is older than any of its sources (or missing).
zl_build_stale() {
  [ -f "$ZL_BUILD_STAMP" ] && [ -d target/classes ] && [ -d target/lib ] || return 0
  [ -n "$(find pom.xml src scripts/build-helper.sh -name target -prune -o -newer "$ZL_BUILD_STAMP" -print -quit 2>/dev/null)" ]
}

# Go builds zl-helper, the static binary the jar carries: needed only when the build runs.
zl_ensure_go() {
  command -v go >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    || zl_fail_env "Go 1.19 or later is needed to build zl-helper (src/probe/src/main/go/zl-helper): install it (Debian: apt-get install golang-go)."
  zl_say "Go: installing Debian's golang-go (it builds zl-helper, zombielab's static helper binary)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null \
    || zl_fail_env "apt-get install golang-go failed"
}

# Maven prints stray terminal codes even when quiet: its output is kept for when it fails.
zl_build() {
  if ! zl_build_stale; then
    zl_say "Build: up to date (target/classes, target/lib; nothing changed since $ZL_BUILD_STAMP)"
    return 0
  fi
  zl_ensure_maven
  zl_ensure_go
  zl_say "Building with Maven (downloads dependencies the first time)..."
  mkdir -p target
  # The modules the CLI runs from are packaged (the CLI's target/lib holds zombielab-probe's jar), not the release
  # archive (src/dist); tests, sources and javadoc skipped.
  mvn -B -ntp -Dstyle.color=never -pl src/lab -am -Dmaven.test.skip=true -Dmaven.source.skip=true -Dmaven.javadoc.skip=true package \
    >target/zombielab-compile.log 2>&1 \
    || { tail -n 40 target/zombielab-compile.log >&2; zl_fail "the build failed (log: target/zombielab-compile.log)"; }
  touch "$ZL_BUILD_STAMP"
}

# The CLI's classpath: the build's classes and the jars it copied.
zl_classpath() { echo "target/classes:target/lib/*"; }

# zombielab's version, as `zombielab --version` prints it: the build's (the filtered resource Maven wrote), or,
# in a checkout not built yet, the version its pom.xml will build.
zl_version() {
  local built=target/classes/io/zombielab/cli/version.properties version
  if [ -f "$built" ]; then
    version=$(sed -n 's/^version=//p' "$built")
  else
    version=$(awk '/<artifactId>zombielab-parent<\/artifactId>/ {found=1; next}
                   found && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
    # CI-friendly: the parent's version is ${revision}, set among its properties.
    [ "$version" != '${revision}' ] || version=$(sed -n 's|.*<revision>\(.*\)</revision>.*|\1|p' pom.xml | head -n 1)
  fi
  printf 'zombielab %s\n' "$version"
}
