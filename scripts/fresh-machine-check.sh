#!/usr/bin/env bash
# The README's two commands on a bare Debian 12: a minimal debootstrap chroot holding only
# python3, python3-venv, make and git, a clone of this repository (its committed HEAD) and the
# shared fixtures beside it. Runs `make test`, then `make run` offscreen until the sign-in
# window is shown. Needs root (debootstrap, chroot) and the Debian and Python package
# registries this machine is set up for: the chroot is given the host's apt and pip settings and
# its certificate bundle, nothing else of the host.
#   scripts/fresh-machine-check.sh [folder]   (default: /tmp/ocop-fresh-machine; kept after)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/tmp/ocop-fresh-machine}
suite=bookworm
started=$(date +%s)
say() { echo "[fresh-machine $(($(date +%s) - started)) s] $*"; }

[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
}
# the mirror the host's apt already uses (deb822 or one-line sources)
mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
  | grep -E '^(URIs:|deb )' | grep -o -E 'https?://[^ ]+' | grep -v security | head -n1 || true)
[ -n "$mirror" ] || { echo "no Debian mirror found in the host's apt sources" >&2; exit 2; }

cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/python3" ]; then
  rm -rf "$root"
  say "debootstrap $suite (minbase + python3 python3-venv make git)"
  debootstrap --variant=minbase --include=python3,python3-venv,make,git,ca-certificates \
    "$suite" "$root" "$mirror" >/dev/null
fi
mount --bind /proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp -r /etc/apt/sources.list* "$root/etc/apt/" 2>/dev/null || true
# the certificates this machine's network is trusted with (a proxy may sign for the registries)
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
for conf in /etc/pip.conf /etc/xdg/pip; do  # the registries pip is allowed to reach here
  [ -e "$conf" ] && mkdir -p "$root$(dirname "$conf")" && cp -r "$conf" "$root$(dirname "$conf")/"
done
for dir in $(grep -h -o -E 'file://[^ ]+|^find-links *= *[^ ]+' /etc/pip.conf 2>/dev/null \
  | sed -E 's#^file://##; s#^find-links *= *##' || true); do  # local package folders pip.conf names
  [ -d "$dir" ] && [ ! -d "$root$dir" ] && mkdir -p "$root$dir" && mount --bind "$dir" "$root$dir"
done

work=$root/home/shop
rm -rf "$work" && mkdir -p "$work"
git clone -q "$repo" "$work/main"
cp -r "$repo/../shared" "$work/shared"

say "make test"
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  bash -c 'cd /home/shop/main && make test' 2>&1 | tail -n 5
say "make test passed"

say "make run (offscreen, until the sign-in window shows)"
log=$root/root/.local/state/ocop-pos/log/ocop-pos.log
rm -f "$log"
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  QT_QPA_PLATFORM=offscreen bash -c 'cd /home/shop/main && exec make run' \
  >"$root/tmp/make-run.out" 2>&1 &
app=$!
for _ in $(seq 1 180); do  # at most 3 minutes
  grep -q "sign-in window shown" "$log" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
shown=0
grep -q "sign-in window shown" "$log" 2>/dev/null && shown=1
pkill -f "ocop-pos --db demo.sqlite3" 2>/dev/null || true
wait "$app" 2>/dev/null || true
if [ "$shown" -ne 1 ]; then
  tail -n 20 "$root/tmp/make-run.out"
  echo "make run did not show its window" >&2
  exit 1
fi
say "make run showed the sign-in window: fresh-machine check passed"
