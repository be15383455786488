#!/usr/bin/env bash
# Bare-machine proof: runs the frozen SSE Ref in a minimal Debian root that has no Python.
#
#   build/bare-root-test.sh [BUNDLE_DIR] [--deb FILE.deb]
#
# BUNDLE_DIR defaults to pyi-dist/sseref (made by `python build/build.py`). The script
#   1. makes (once, then reuses) a minimal Debian root with debootstrap: the `minbase` variant
#      plus only the system libraries any desktop has (libgl1 libegl1 libfontconfig1, which
#      bring Mesa, X11's client libraries and the DejaVu fonts) - no Python anywhere;
#      it is cached outside git in $SSEREF_BARE_ROOT_CACHE (default /var/cache/sseref);
#   2. copies the bundle in, makes the copy read-only and bind-mounts it read-only at
#      /opt/sseref inside a private mount namespace (the cached root is never modified);
#   3. with no network (a new network namespace: only a loopback that is down) and as a
#      non-root user (uid 1000, a fresh tmpfs home), runs `sseref self-test --window` and then
#      starts the program itself (`sseref` with QT_QPA_PLATFORM=offscreen and
#      SSEREF_BENCH_READY=1: the main window opens, the event loop becomes idle, it quits);
#   4. with --deb, installs the .deb into a throwaway overlay of the root, runs the installed
#      command as the user, checks the menu entry and icons, removes the package and checks
#      that nothing of it is left.
# Needs root (debootstrap, chroot, mounts), debootstrap and util-linux's unshare; the first
# run downloads about 150 MB of Debian packages. Exit code 0 when every step passed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE=""
DEB=""
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) DEB="$(realpath "$2")"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) BUNDLE="$(realpath "$1")"; shift ;;
  esac
done
BUNDLE="${BUNDLE:-$REPO/pyi-dist/sseref}"
CACHE="${SSEREF_BARE_ROOT_CACHE:-/var/cache/sseref}"
SUITE="${SSEREF_BARE_SUITE:-bookworm}"
MIRROR="${SSEREF_BARE_MIRROR:-http://deb.debian.org/debian}"
DESKTOP_LIBS="${SSEREF_BARE_LIBS:-libgl1,libegl1,libfontconfig1}"
ROOTFS="$CACHE/bare-root-$SUITE"
STAMP="$ROOTFS/.sseref-bare-root"
USER_ID=1000

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'bare-root-test: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mounts need it)"
[ -x "$BUNDLE/sseref" ] || die "no bundle at $BUNDLE: build it with 'python build/build.py'"
command -v unshare >/dev/null || die "unshare (util-linux) is missing"
if ! command -v debootstrap >/dev/null; then
  say "Installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

make_root() {
  [ -f "$STAMP" ] && return 0
  say "Making the bare Debian root ($SUITE, minbase + $DESKTOP_LIBS) in $ROOTFS"
  mkdir -p "$CACHE"
  local tmp="$ROOTFS.tmp"
  if [ ! -x "$tmp/bin/sh" ] || [ ! -f "$tmp/var/lib/dpkg/status" ]; then
    rm -rf "$tmp"
    debootstrap --variant=minbase --include="$DESKTOP_LIBS" "$SUITE" "$tmp" "$MIRROR" \
      > "$CACHE/debootstrap-$SUITE.log" 2>&1 || { tail -20 "$CACHE/debootstrap-$SUITE.log"; die "debootstrap failed"; }
  fi
  chroot "$tmp" /usr/sbin/useradd --create-home --uid "$USER_ID" --shell /bin/sh field 2>/dev/null || true
  chroot "$tmp" /usr/bin/apt-get clean
  mkdir -p "$tmp/opt/sseref"
  touch "$tmp/.sseref-bare-root"
  rm -rf "$ROOTFS"
  mv "$tmp" "$ROOTFS"
}

make_root
say "The root: $(du -sh "$ROOTFS" | cut -f1), $(chroot "$ROOTFS" dpkg-query -W | wc -l) packages"
if ls "$ROOTFS"/usr/bin/python* "$ROOTFS"/usr/local/bin/python* >/dev/null 2>&1; then
  die "the bare root has a Python interpreter: it must not"
fi

RUN="$CACHE/run"
say "Copying the bundle in (read-only)"
rm -rf "$RUN" 2>/dev/null || { chmod -R u+w "$RUN"; rm -rf "$RUN"; }
mkdir -p "$RUN"
cp -a "$BUNDLE" "$RUN/sseref"
chmod -R a-w "$RUN/sseref"
[ -n "$DEB" ] && cp "$DEB" "$RUN/sseref.deb"

# Everything below runs in private mount, network and PID namespaces: no network at all, and
# every mount disappears with the namespace.
export ROOTFS RUN USER_ID DEB
unshare --mount --net --pid --fork --propagation private bash -euo pipefail -c '
  say() { printf "\033[1m==> %s\033[0m\n" "$*" >&2; }
  as_user() {  # runs a command in the root as the non-root user, with a clean environment
    local root="$1"; shift
    chroot --userspec="$USER_ID:$USER_ID" "$root" /usr/bin/env -i HOME=/home/field \
      USER=field PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
  }
  prepare() {  # proc, dev, a fresh tmp and home in a root
    local root="$1"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    mount -t tmpfs -o "uid=$USER_ID,gid=$USER_ID,mode=0700" tmpfs "$root/home/field"
  }
  prepare "$ROOTFS"
  mount --bind "$RUN/sseref" "$ROOTFS/opt/sseref"
  mount -o remount,bind,ro "$ROOTFS/opt/sseref"

  say "Network interfaces in the test (a new network namespace: only its own loopback):"
  grep -E "^ *[a-z0-9]+:" /proc/net/dev | cut -d: -f1 | tr -d " " | sed "s/^/    /"
  echo "    python in the root: $(chroot "$ROOTFS" sh -c "command -v python3 python || echo none")"
  echo "    whoami: $(as_user "$ROOTFS" id -un), bundle mount: $(grep " $ROOTFS/opt/sseref " /proc/mounts | cut -d" " -f4 | cut -d, -f1)"
  if as_user "$ROOTFS" sh -c "touch /opt/sseref/x" 2>/dev/null; then
    echo "the bundle is writable: it must not be" >&2; exit 1
  fi

  say "Frozen self-test (as field, no network, read-only bundle)"
  if ! as_user "$ROOTFS" /opt/sseref/sseref self-test --window > /tmp/selftest.out 2>&1; then
    grep -v propagateSizeHints /tmp/selftest.out
    echo "bare-root-test: the frozen self-test failed" >&2; exit 1
  fi
  grep -v propagateSizeHints /tmp/selftest.out

  say "Main window (offscreen): sseref opens, shows its window and quits"
  out=$(as_user "$ROOTFS" SSEREF_BENCH_READY=1 /opt/sseref/sseref 2>&1 | grep -v propagateSizeHints || true)
  echo "$out" | sed "s/^/    /"
  echo "$out" | grep -q "^READY " || { echo "the main window did not open" >&2; exit 1; }

  if [ -n "$DEB" ]; then
    say "Debian package: install, run, remove (in a throwaway overlay of the root)"
    work=$(mktemp -d)
    mount -t tmpfs tmpfs "$work"
    mkdir -p "$work/upper" "$work/work" "$work/merged"
    mount -t overlay overlay -o "lowerdir=$ROOTFS,upperdir=$work/upper,workdir=$work/work" "$work/merged"
    m="$work/merged"
    prepare "$m"
    cp "$RUN/sseref.deb" "$m/tmp/sseref.deb"
    chroot "$m" dpkg -i /tmp/sseref.deb >/dev/null
    for f in /usr/bin/sseref /opt/sseref/sseref /usr/share/applications/sseref.desktop \
             /usr/share/icons/hicolor/scalable/apps/sseref.svg \
             /usr/share/icons/hicolor/256x256/apps/sseref.png \
             /usr/share/metainfo/org.sseref.SSERef.metainfo.xml; do
      chroot "$m" test -e "$f" || { echo "missing after install: $f" >&2; exit 1; }
    done
    echo "    installed: $(chroot "$m" dpkg-query -W -f="\${Package} \${Version} \${Installed-Size} KB" sseref)"
    as_user "$m" sseref self-test | tail -1 | sed "s/^/    /"
    chroot "$m" dpkg -r sseref >/dev/null
    left=$(chroot "$m" sh -c "ls -d /opt/sseref /usr/bin/sseref /usr/share/applications/sseref.desktop /usr/share/icons/hicolor/*/apps/sseref.* /usr/share/metainfo/org.sseref.* /usr/share/doc/sseref 2>/dev/null" || true)
    [ -z "$left" ] || { echo "left after removal: $left" >&2; exit 1; }
    echo "    removed: no file of the package is left"
  fi
'
say "Bare-root test passed"
