# Makes sure zombielab's base image exists locally, without needing a container registry:
#   1. a local image with the recipe's tag is used as it is;
#   2. else, where a registry answers (and ZOMBIELAB_NO_PULL is not 1), Debian's slim image is pulled and the
#      packages added;
#   3. else the image is made from scratch: debootstrap of Debian bookworm, then `docker import`.
# The tag is a hash of the recipe (packages.txt and this file): a changed recipe rebuilds once, an
# unchanged one never does.

ZL_LABEL="io.zombielab=true"

zl_base_tag() {
  local root="$1"
  local sum
  sum=$(cat "$root/dockerfiles/base/packages.txt" "$root/scripts/lib/base-image.sh" | sha256sum | cut -c1-12)
  echo "zombielab/base:$sum"
}

zl_base_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$1/dockerfiles/base/packages.txt" | paste -sd, -; }

# The Debian mirror this machine already uses (apt's own configuration), so no address is hard-coded.
zl_debian_mirror() {
  if [ -n "${ZOMBIELAB_DEBIAN_MIRROR:-}" ]; then echo "$ZOMBIELAB_DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && u != "" && / bookworm( |$)/ {print u; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
  echo "$uri"
}

# Adds the recipe's packages on top of a plain Debian image with apt-get, which (unlike debootstrap's
# --include) resolves virtual packages: npm's dependencies need that.
zl_add_packages() {
  local from="$1" tag="$2" pkgs="$3"
  printf 'FROM %s\nRUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends %s >/dev/null && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb\n' \
    "$from" "$(echo "$pkgs" | tr , ' ')" \
    | docker build -q --force-rm --label "$ZL_LABEL" --label io.zombielab.kind=base -t "$tag" - >/var/tmp/zombielab-base-build.log 2>&1 \
    || { tail -n 20 /var/tmp/zombielab-base-build.log >&2; return 1; }
}

# ZOMBIELAB_NO_PULL=1 skips the registry: the base image is made from Debian's packages even where one answers.
zl_pull_debian() {
  timeout 60 docker pull -q debian:bookworm-slim >/dev/null 2>&1 && echo debian:bookworm-slim
}

# Debian bookworm minbase from its packages, imported as an image; prints the image's name.
zl_debootstrap_debian() {
  local tag="$1" mirror rootfs image="${1/zombielab\/base/zombielab/bootstrap}"
  [ "$(id -u)" = 0 ] || zl_fail_env "the base image must be built with debootstrap, which needs root."
  if ! command -v debootstrap >/dev/null 2>&1; then
    zl_say "Base image: installing debootstrap..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || zl_fail_env "apt-get install debootstrap failed"
  fi
  mirror=$(zl_debian_mirror)
  [ -n "$mirror" ] || zl_fail_env "no Debian bookworm mirror in /etc/apt/sources.list*; set ZOMBIELAB_DEBIAN_MIRROR to one."
  rootfs=$(mktemp -d /var/tmp/zombielab-rootfs.XXXXXX)
  zl_say "Base image: debootstrap of bookworm minbase into $rootfs (about a minute)..."
  if ! debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/var/tmp/zombielab-debootstrap.log 2>&1; then
    cp "$rootfs/debootstrap/debootstrap.log" /var/tmp/zombielab-debootstrap-detail.log 2>/dev/null
    rm -rf "$rootfs"
    tail -n 20 /var/tmp/zombielab-debootstrap.log >&2
    zl_fail_env "debootstrap failed (logs: /var/tmp/zombielab-debootstrap*.log)"
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  zl_say "Base image: importing the rootfs as $image..."
  tar -C "$rootfs" -c . | docker import \
      --change "LABEL $ZL_LABEL io.zombielab.kind=bootstrap" \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
      --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
  local rc=$?
  rm -rf "$rootfs"
  [ $rc = 0 ] || zl_fail_env "docker import of the base rootfs failed"
  echo "$image"
}

zl_ensure_base_image() {
  local root="$1" tag pkgs started
  tag=$(zl_base_tag "$root")
  if docker image inspect "$tag" >/dev/null 2>&1; then
    zl_say "Base image: $tag present"
  else
    pkgs=$(zl_base_packages "$root")
    started=$(date +%s)
    local debian
    if [ "${ZOMBIELAB_NO_PULL:-0}" = 1 ]; then
      zl_say "Base image: $tag missing; ZOMBIELAB_NO_PULL=1: making Debian from its packages."
      debian=$(zl_debootstrap_debian "$tag") || exit
    elif zl_say "Base image: $tag missing; trying a registry first..." && debian=$(zl_pull_debian); then
      zl_say "Base image: pulled $debian"
    else
      zl_say "Base image: no registry answered; making Debian from its packages instead."
      debian=$(zl_debootstrap_debian "$tag") || exit
    fi
    zl_say "Base image: installing $pkgs with apt-get (a minute or two)..."
    zl_add_packages "$debian" "$tag" "$pkgs" || zl_fail_env "installing the base packages into $debian failed (see above)"
    zl_say "Base image: $tag built in $(( $(date +%s) - started )) s"
  fi
  export ZOMBIELAB_BASE_IMAGE="$tag"
}
