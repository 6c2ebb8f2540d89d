# `zombielab doctor`: what a run needs, what is there, and how to get what is missing. Installs and starts
# nothing, and every probe has a short timeout, so it answers in seconds even with no engine at all.

zl_doctor_line() { printf '%-8s %-16s %s\n' "$1" "$2" "$3"; }

# Which probe a run will use: ZOMBIELAB_PROBE when set; else the host probe where this user can read the
# containers' processes on this host (root, and a local engine), the universal one (a sidecar) everywhere else.
zl_doctor_probe() {
  local universal="universal: a sidecar in each container's PID namespace (zombielab/helper, made FROM scratch on first use)"
  local host="host: reads the containers' /proc and cgroup files on this host"
  case "${ZOMBIELAB_PROBE:-auto}" in
    universal) zl_doctor_line ok "probe" "$universal (ZOMBIELAB_PROBE=universal)" ;;
    host)
      if [ "$(id -u)" = 0 ] && [[ "${DOCKER_HOST:-unix://}" == unix://* ]]; then
        zl_doctor_line ok "probe" "$host (ZOMBIELAB_PROBE=host)"
      else
        zl_doctor_line MISSING "probe" "ZOMBIELAB_PROBE=host, but this host cannot show the containers' processes (not root, or a remote engine): unset it"
        return 1
      fi ;;
    auto)
      if [ "$(id -u)" = 0 ] && [[ "${DOCKER_HOST:-unix://}" == unix://* ]]; then
        zl_doctor_line ok "probe" "$host (root, local engine)"
      else
        zl_doctor_line ok "probe" "$universal (not root or a remote engine: the host cannot show the containers' processes)"
      fi ;;
    *) zl_doctor_line MISSING "probe" "ZOMBIELAB_PROBE=$ZOMBIELAB_PROBE: not a probe (auto, host or universal)"; return 1 ;;
  esac
}

zl_doctor() {
  local root="$1" missing=0 engine=0 api="" tag
  echo "zombielab doctor: what a run needs on this machine"
  echo
  if command -v docker >/dev/null 2>&1; then
    zl_doctor_line ok "docker CLI" "$(docker --version 2>/dev/null | head -1)"
  else
    zl_doctor_line MISSING "docker CLI" "no 'docker' on PATH: ./zombielab test installs Debian's docker.io (as root), or install Docker"
    missing=1
  fi
  if command -v docker >/dev/null 2>&1 && api=$(timeout 3 docker version --format '{{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null); then
    engine=1
    zl_doctor_line ok "engine" "answering${DOCKER_HOST:+ at $DOCKER_HOST}: $api"
  elif [ -n "${DOCKER_HOST:-}" ]; then
    zl_doctor_line MISSING "engine" "DOCKER_HOST=$DOCKER_HOST does not answer within 3 s: start that engine or unset DOCKER_HOST"
    missing=1
  elif command -v dockerd >/dev/null 2>&1; then
    zl_doctor_line MISSING "engine" "dockerd is installed but no engine answers: ./zombielab test or reproduce starts it (as root)"
    missing=1
  else
    zl_doctor_line MISSING "engine" "no engine and no dockerd: ./zombielab test or reproduce installs docker.io and starts it (root, Debian/Ubuntu)"
    missing=1
  fi
  case "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" in
    cgroup2fs) zl_doctor_line ok "cgroup" "v2 (unified): memory.current, memory.events, pids.max per container" ;;
    tmpfs)
      if [ -d /sys/fs/cgroup/memory ] && [ -d /sys/fs/cgroup/pids ]; then
        zl_doctor_line ok "cgroup" "v1: memory and pids controllers mounted"
      else
        zl_doctor_line MISSING "cgroup" "v1 without a memory or pids controller: the limits and figures of every cell need both"
        missing=1
      fi ;;
    *) zl_doctor_line MISSING "cgroup" "no cgroup file system at /sys/fs/cgroup" ; missing=1 ;;
  esac
  zl_doctor_probe || missing=1
  tag=$(zl_base_tag "$root")
  if [ "$engine" = 1 ]; then
    if docker image inspect "$tag" >/dev/null 2>&1; then
      zl_doctor_line ok "base image" "$tag"
    else
      zl_doctor_line MISSING "base image" "$tag not built: ./zombielab test or reproduce builds it (about 2 minutes, no registry needed)"
      missing=1
    fi
    local images containers
    images=$(docker images -q --filter label=io.zombielab=true 2>/dev/null | sort -u | wc -l)
    containers=$(docker ps -aq --filter label=io.zombielab=true 2>/dev/null | wc -l)
    zl_doctor_line ok "images" "$images image(s) labelled io.zombielab=true (fixtures and reapers build on first use)"
    if [ "$containers" -gt 0 ]; then
      zl_doctor_line LEFTOVER "containers" "$containers labelled container(s) exist: another run is going, or one was killed; ./zombielab gc removes them"
    else
      zl_doctor_line ok "containers" "none left behind"
    fi
  else
    zl_doctor_line unknown "base image" "$tag (cannot look without an engine)"
  fi
  local java_major
  java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  if [ -n "$java_major" ] && [ "${java_major%%.*}" -ge 17 ] 2>/dev/null; then
    zl_doctor_line ok "java" "$java_major"
  else
    zl_doctor_line MISSING "java" "Java 17 or later is needed (found: ${java_major:-none}); apt-get install openjdk-17-jdk-headless"
    missing=1
  fi
  if command -v mvn >/dev/null 2>&1; then
    zl_doctor_line ok "maven" "$(mvn -v 2>/dev/null | head -1 | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/ (.*//')"
  else
    zl_doctor_line MISSING "maven" "no mvn: apt-get install maven"
    missing=1
  fi
  if [ -d "$root/target/lib" ] && [ -d "$root/target/classes/io/zombielab" ]; then
    zl_doctor_line ok "build" "built; its jars in target/lib (a changed source rebuilds on the next run)"
  else
    zl_doctor_line pending "build" "not compiled yet: the first run compiles and downloads dependencies"
  fi
  echo
  if [ "$missing" = 0 ]; then
    echo "ready: ./zombielab reproduce or ./zombielab test will run without installing anything more"
    return 0
  fi
  echo "not ready: see the MISSING lines; ./zombielab test and reproduce set up what they can themselves"
  return 3
}

# `zombielab gc`: removes every container, then every image, that carries the project's label.
zl_gc() {
  local containers images
  containers=$(docker ps -aq --filter label=io.zombielab=true)
  if [ -n "$containers" ]; then
    zl_say "gc: removing $(echo "$containers" | wc -l) container(s) labelled io.zombielab=true..."
    # shellcheck disable=SC2086
    docker rm -f $containers >/dev/null
  fi
  # Images build on each other (base <- fixtures <- reapers, and the builder's intermediate layers, which
  # inherit the label): remove what has no child left, pass after pass, until nothing labelled is left.
  local pass
  for pass in 1 2 3 4 5 6; do
    images=$(docker images -aq --filter label=io.zombielab=true | sort -u)
    [ -n "$images" ] || break
    zl_say "gc: pass $pass: removing $(echo "$images" | wc -l) image(s) labelled io.zombielab=true..."
    # shellcheck disable=SC2086
    docker rmi -f $images >/dev/null 2>&1 || true
  done
  local left
  left=$(docker images -aq --filter label=io.zombielab=true | sort -u | wc -l)
  zl_say "gc: done; left: $(docker ps -aq --filter label=io.zombielab=true | wc -l) container(s), $left image(s)"
  [ "$left" = 0 ] || zl_fail "gc: $left labelled image(s) could not be removed (docker images -a --filter label=io.zombielab=true)"
}
