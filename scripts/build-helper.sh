#!/usr/bin/env bash
# Builds zl-helper, zombielab's static helper binary (the probe sidecar and the promise kit), for every
# platform the jar carries; Maven runs it before packaging resources. It vets and tests the Go code first.
# Go's own cache makes an unchanged build take about a second. Std lib only: nothing is downloaded.
#   scripts/build-helper.sh SOURCE_DIR OUTPUT_DIR   ->   OUTPUT_DIR/linux-{amd64,arm64}/zl-helper
set -euo pipefail
src=$1
out=$2
if ! command -v go >/dev/null 2>&1; then
  echo "[zombielab] ERROR: Go 1.19 or later is needed to build zl-helper ($src): install Go (Debian: apt-get install golang-go; ./zombielab test does it when run as root)" >&2
  exit 3
fi
# Reproducible (no paths, no build id) so that the image made from it keeps its content-hash tag; never
# online (no proxy, no toolchain download).
export CGO_ENABLED=0 GOFLAGS=-trimpath GOPROXY=off GOTOOLCHAIN=local GOOS=linux
cd "$src"
go vet ./...
go test -count=1 ./... >/dev/null
for arch in amd64 arm64; do
  GOARCH=$arch go build -ldflags='-s -w -buildid=' -o "$out/linux-$arch/zl-helper" .
done
