#!/usr/bin/env bash
# Builds SSE Ref's standalone executables: sets up what the build needs, then build/build.py.
#
#   build/build.sh              one-folder bundle in pyi-dist/sseref/, frozen self-test, portable check
#   build/build.sh --packages   also dist/sseref-VERSION-linux-x86_64.tar.gz and dist/sseref_VERSION_amd64.deb
#   build/build.sh --bench      also the hello-world yardstick, one-file builds, docs/benchmarks/packaging.md
#   build/build.sh --all        everything
#
# Set-up (each step skipped when done): ./dev setup (system packages Qt needs, the virtual
# environment, the data build), binutils (PyInstaller reads and strips ELF files with it), and
# the locked build group (PyInstaller) in the virtual environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SSEREF_VENV:-$ROOT/.venv}"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

"$ROOT/dev" setup

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  # binutils: objdump/strip for PyInstaller. The xcb libraries are ones Qt's xcb plugin loads:
  # when absent on the build machine they are silently missing from the bundle.
  for pkg in binutils libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
             libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      say "Installing build packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "The build needs: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

# The build group's exact versions with hashes (requirements/build.txt): the same versions of
# every runtime package the tests ran on (scripts/lock.py resolves all groups together).
stamp="$VENV/.sseref-build-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/requirements/build.txt" -nt "$stamp" ]; then
  say "Installing the locked build packages (requirements/build.txt: PyInstaller)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --require-hashes --only-binary=:all: -r "$ROOT/requirements/build.txt"
  touch "$stamp"
fi

exec "$VENV/bin/python" "$ROOT/build/build.py" --skip-data "$@"
