#!/usr/bin/env bash
# CI: builds the one-folder bundle and runs its frozen self-test (database, index, searches,
# translations, fact-sheet PDF, main window, all offscreen) and the portable-mode check.
#
#   bash build/ci-bundle.sh
#
# Exit code 0 when the bundle built and every check passed. With SSEREF_CI_BARE_ROOT=1 it also
# runs build/bare-root-test.sh (a minimal Debian root without Python; the first run makes the
# root with debootstrap and takes a few minutes more, later runs reuse it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$(date +%s)
"$ROOT/build/build.sh"
if [ "${SSEREF_CI_BARE_ROOT:-0}" = "1" ]; then
  "$ROOT/build/bare-root-test.sh" "$ROOT/pyi-dist/sseref"
fi
echo "ci-bundle: the frozen bundle passed its checks in $(( $(date +%s) - started )) s"
