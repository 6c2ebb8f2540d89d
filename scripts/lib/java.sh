# Java, Maven and the settings Testcontainers needs against the engine zombielab prepared.

# Java runs every command; checked always.
zl_ensure_java() {
  local version
  command -v java >/dev/null 2>&1 || zl_ensure_maven
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || zl_fail_env "Java 17 or newer is needed; 'java' is ${version:-missing}."
}

# Maven builds and tests: checked only when a build or the tests run.
zl_ensure_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
      || zl_fail_env "Maven (mvn) is missing; install Maven 3.8+ and a JDK 17+."
    zl_say "Maven: installing Debian's maven and a JDK 17..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null \
      || zl_fail_env "apt-get install maven failed"
  fi
  zl_ensure_java
  zl_say "Maven: $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), Java $(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
}

# Testcontainers reads these from the environment only. They fit the local engine zombielab starts:
# no Ryuk (its image cannot be pulled; zombielab removes its own containers by label), no start-up
# checks (they pull an image too), localhost as the host of mapped ports, and the engine's own API version.
zl_export_testcontainers_settings() {
  export TESTCONTAINERS_RYUK_DISABLED=true
  export TESTCONTAINERS_CHECKS_DISABLE=true
  if [ -z "${DOCKER_HOST:-}" ]; then
    export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
  fi
  # Where no docker CLI or no engine answers (doctor, gc), the CLI goes without it and says what is missing.
  local api
  if api=$(timeout 5 docker version --format '{{.Server.APIVersion}}' 2>/dev/null); then
    export ZOMBIELAB_DOCKER_API_VERSION="$api"
  fi
}

zl_remove_run_containers() {
  local run="$1" left
  left=$(docker ps -aq --filter "label=io.zombielab.run=$run" 2>/dev/null || true)
  if [ -n "$left" ]; then
    zl_say "Removing $(echo "$left" | wc -l) container(s) left by run $run"
    docker rm -f $left >/dev/null 2>&1 || true
  fi
}

# Containers of earlier runs whose launcher is gone (killed, say, before its exit trap ran). A run id ends in
# its launcher's pid; a run whose launcher still lives (another zombielab on this machine) is left alone.
zl_remove_stale_runs() {
  local run pid left
  for run in $(docker ps -a --filter label=io.zombielab=true --format '{{.Label "io.zombielab.run"}}' 2>/dev/null | sort -u); do
    # Only ids the launcher made (date-time-pid); a run id someone set by hand is never guessed at.
    [[ "$run" =~ ^[0-9]{8}-[0-9]{6}-([0-9]+)$ ]] || continue
    pid=${BASH_REMATCH[1]}
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q zombielab; then
      continue
    fi
    left=$(docker ps -aq --filter "label=io.zombielab.run=$run")
    zl_say "Removing $(echo "$left" | wc -l) container(s) of run $run, whose launcher is gone"
    docker rm -f $left >/dev/null 2>&1 || true
  done
}
