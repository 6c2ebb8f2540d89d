#!/usr/bin/env bash
# What the archive knows of itself, written at build time: its version, and the tag of the base image its
# scenarios are built on, by the launcher's own rule (scripts/lib/base-image.sh), so there is one rule.
#   archive-facts.sh CHECKOUT ARCHIVE_DIR VERSION
set -euo pipefail
root=$1 out=$2 version=$3
. "$root/scripts/lib/base-image.sh"
mkdir -p "$out/lib"
echo "$version" >"$out/lib/version.txt"
zl_base_tag "$root" >"$out/lib/base-image.txt"
