#!/usr/bin/env bash
# Provides the Temporal CLI (dev server): PATH first, else a pinned source build cached in .tools/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
BIN_DIR="$ROOT/.tools/temporal-cli-$VERSION"
if [ -z "${LUYUE_FORCE_TOOLS_TEMPORAL:-}" ] && command -v temporal >/dev/null 2>&1; then
  echo "[temporal-cli] using $(command -v temporal)" >&2
  command -v temporal
  exit 0
fi
if [ -x "$BIN_DIR/temporal" ]; then
  echo "[temporal-cli] cached $BIN_DIR/temporal" >&2
  echo "$BIN_DIR/temporal"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "[temporal-cli] Go is required to build the Temporal CLI" >&2; exit 1; }
echo "[temporal-cli] building github.com/temporalio/cli/cmd/temporal@$VERSION with go install (CGO off; several minutes once)" >&2
mkdir -p "$BIN_DIR.tmp"
CGO_ENABLED=0 GOBIN="$BIN_DIR.tmp" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$VERSION" >&2
rm -rf "$BIN_DIR"; mv "$BIN_DIR.tmp" "$BIN_DIR"
echo "[temporal-cli] built $BIN_DIR/temporal" >&2
echo "$BIN_DIR/temporal"
