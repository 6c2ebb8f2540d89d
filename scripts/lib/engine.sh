# Makes sure a Docker engine answers. On a Debian/Ubuntu machine where we are root and no engine is
# running, installs Debian's docker.io and starts dockerd; anywhere else, says what to do.
# Idempotent: an engine that already answers is left alone.

zl_engine_answers() { docker info >/dev/null 2>&1; }

zl_ensure_engine() {
  if command -v docker >/dev/null 2>&1 && zl_engine_answers; then
    zl_say "Docker engine: answering ($(docker version --format '{{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null))"
    return 0
  fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    zl_fail_env "DOCKER_HOST=$DOCKER_HOST does not answer 'docker info'. Start that engine, or unset DOCKER_HOST to let zombielab start a local one."
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    zl_fail_env "no Docker engine answers, and zombielab can only install one as root on Debian/Ubuntu. Install Docker and start it (e.g. 'sudo systemctl start docker'), then run this again."
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    zl_say "Docker engine: not installed; installing Debian's docker.io (about 20 s)..."
    # apt-get update only when the lists are missing or stale: it is the slow half of the install.
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || zl_fail_env "apt-get update failed"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null \
      || zl_fail_env "apt-get install docker.io failed (see the lines above)"
  fi
  if pgrep -x dockerd >/dev/null 2>&1; then
    zl_say "Docker engine: dockerd is running but not answering yet; waiting..."
  else
    zl_say "Docker engine: starting dockerd (log: /var/log/zombielab-dockerd.log)..."
    # setsid: the engine must outlive this script and not share its terminal's signals.
    setsid nohup dockerd >/var/log/zombielab-dockerd.log 2>&1 </dev/null &
  fi
  local i
  for i in $(seq 1 120); do
    zl_engine_answers && { zl_say "Docker engine: answering after $((i * 250)) ms"; return 0; }
    sleep 0.25
  done
  tail -n 20 /var/log/zombielab-dockerd.log >&2 2>/dev/null
  zl_fail_env "dockerd did not answer within 30 s (its log is above)."
}
