#!/usr/bin/env bash
# Fresh-machine proof of the README's two commands: clones this repository into a clean Debian
# root (debootstrap: minbase + git, python3, ca-certificates; no venv, no pip cache, no Qt
# libraries) and runs, as a new user would, inside it:
#   ./dev test                                  (system packages, venv from the lock, data
#                                                build, ruff, mypy, import-linter, pytest)
#   QT_QPA_PLATFORM=offscreen ./dev run self-test --window
#
#   build/fresh-clone-test.sh [--log docs/fresh-clone-YYYY-MM-DD.log] [--ref HEAD]
#
# The clean root is made once and cached in $SSEREF_FRESH_ROOT_CACHE (default
# /var/cache/sseref/fresh-root-<suite>); every run works on a throwaway copy of it, so no state
# carries over. Needs root (debootstrap, chroot, mounts) and the network to Debian's mirror and
# PyPI (the same as a user's first ./dev). Exit code 0 when both commands passed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE="${SSEREF_FRESH_SUITE:-bookworm}"
MIRROR="${SSEREF_FRESH_MIRROR:-http://deb.debian.org/debian}"
CACHE="${SSEREF_FRESH_ROOT_CACHE:-/var/cache/sseref}"
BASE="$CACHE/fresh-root-$SUITE"
LOG="$REPO/docs/fresh-clone-$(date -u +%F).log"
REF="HEAD"
while [ $# -gt 0 ]; do
  case "$1" in
    --log) LOG="$(realpath -m "$2")"; shift 2 ;;
    --ref) REF="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*" | tee -a "$LOG" >&2; }
die() { printf 'fresh-clone-test: %s\n' "$*" | tee -a "$LOG" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mounts need it)"
mkdir -p "$(dirname "$LOG")"
: > "$LOG"
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

if [ ! -f "$BASE/.sseref-fresh-root" ]; then
  say "Making the clean Debian root ($SUITE minbase + git python3 ca-certificates) in $BASE"
  mkdir -p "$CACHE"
  rm -rf "$BASE.tmp"
  debootstrap --variant=minbase --include=git,python3,ca-certificates "$SUITE" "$BASE.tmp" \
    "$MIRROR" > "$CACHE/debootstrap-fresh-$SUITE.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap-fresh-$SUITE.log"; die "debootstrap failed"; }
  chroot "$BASE.tmp" /usr/bin/apt-get clean
  touch "$BASE.tmp/.sseref-fresh-root"
  rm -rf "$BASE"
  mv "$BASE.tmp" "$BASE"
fi

WORK="$(mktemp -d "$CACHE/fresh-run.XXXXXX")"
ROOTFS="$WORK/root"
cleanup() {
  local m
  for m in dev/shm dev/pts dev sys proc; do umount "$ROOTFS/$m" 2>/dev/null || umount -l "$ROOTFS/$m" 2>/dev/null || true; done
  # Never delete through a mount that is still there (the host's /dev, /proc or /sys).
  for m in dev/shm dev/pts dev sys proc; do
    if mountpoint -q "$ROOTFS/$m" 2>/dev/null; then
      echo "fresh-clone-test: $ROOTFS/$m is still mounted; leaving $WORK" >&2
      return 0
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
say "Copying the clean root"
cp -a "$BASE" "$ROOTFS"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# This workplace reaches Debian and PyPI through a proxy with its own certificate authority,
# which every machine here trusts (/usr/local/share/ca-certificates): the clean root gets the
# same trust, and pip the same PIP_CERT, as any fresh machine of this workplace.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/"
  chroot "$ROOTFS" /usr/sbin/update-ca-certificates >/dev/null 2>&1
fi
mount -t proc proc "$ROOTFS/proc"
mount -t sysfs sys "$ROOTFS/sys"
mount --bind /dev "$ROOTFS/dev"
mount --bind /dev/pts "$ROOTFS/dev/pts"
mkdir -p "$ROOTFS/dev/shm" 2>/dev/null || true
mount -t tmpfs -o size=256m shm "$ROOTFS/dev/shm" 2>/dev/null || true

commit="$(git -C "$REPO" rev-parse "$REF")"
say "Cloning $commit into the root (git clone, as from the public repository)"
git clone -q --no-local "$REPO" "$ROOTFS/src/sseref"
git -C "$ROOTFS/src/sseref" checkout -q "$commit"
{
  echo "date: $(date -u '+%F %T UTC')"
  echo "commit: $commit"
  echo "root: Debian $(cat "$ROOTFS/etc/debian_version"), $(chroot "$ROOTFS" python3 --version)"
  echo "packages in the root before: $(chroot "$ROOTFS" dpkg-query -W | wc -l)"
} | tee -a "$LOG"

run_in_root() {
  chroot "$ROOTFS" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    "$@" 2>&1 | grep -v "^$" | tee -a "$LOG"
  return "${PIPESTATUS[0]}"
}

started=$(date +%s)
say "./dev test"
run_in_root /bin/sh -c 'cd /src/sseref && ./dev test -q' \
  || die "./dev test failed in the clean root"
say "QT_QPA_PLATFORM=offscreen ./dev run self-test --window"
run_in_root /bin/sh -c 'cd /src/sseref && QT_QPA_PLATFORM=offscreen ./dev run self-test --window' \
  || die "./dev run self-test --window failed in the clean root"
say "fresh-clone-test: both README commands passed in a clean $SUITE root in $(( $(date +%s) - started )) s"
