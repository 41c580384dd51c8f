#!/usr/bin/env bash
# Assembles the image's base root file system from Debian's own packages, the way Google's distroless images are made:
# the .deb files listed (name=version) in packages.txt are fetched from the Debian mirror apt is configured with
# (`apt-get download`, cached in $SALVO_DEB_CACHE, default ~/.cache/salvo/debs), unpacked with `dpkg-deb -x` (no
# maintainer scripts run), then completed with what those scripts or other packages would have made: /etc/passwd with a
# non-root user, /etc/nsswitch.conf, /etc/localtime (UTC), the JRE's cacerts (from Debian's ca-certificates, by
# Cacerts.java) and /usr/share/salvo/packages.txt (the exact versions). Symbolic links are replaced by copies of their
# targets inside the root (Jib would follow an absolute link on the build host); links to directories are dropped.
#
# usage: rootfs.sh PACKAGES_TXT ROOT_DIR
set -euo pipefail
packages=$1
root=$2
here=$(cd "$(dirname "$0")" && pwd)
cache=${SALVO_DEB_CACHE:-$HOME/.cache/salvo/debs}
mkdir -p "$cache"

fail() {
  echo "image: $*" >&2
  exit 1
}
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
  || fail "building the image must be possible with apt-get and dpkg-deb (a Debian or Ubuntu host), but they are missing"

debs=()
updated=0
while IFS= read -r line; do
  line=${line%%#*}
  [ -z "${line// /}" ] && continue
  name=${line%%=*}
  version=${line#*=}
  file_version=${version//:/%3a}
  deb=$(ls "$cache/${name}_${file_version}_"*.deb 2>/dev/null | head -1 || true)
  if [ -z "$deb" ]; then
    if ! (cd "$cache" && apt-get download -q=2 "$name=$version" >/dev/null 2>&1); then
      if [ "$updated" -eq 0 ] && [ "$(id -u)" -eq 0 ]; then
        apt-get update -q=2 >/dev/null 2>&1 || fail "apt-get update must succeed to fetch $name=$version, but it failed"
        updated=1
      fi
      if ! (cd "$cache" && apt-get download -q=2 "$name=$version" >/dev/null 2>&1); then
        # a pinned version leaves the mirror when Debian publishes a security update: take the mirror's current one
        # (recorded in the image's packages.txt) and say so, rather than fail every build until the pin is bumped
        before=$(ls "$cache/${name}_"*.deb 2>/dev/null || true)
        (cd "$cache" && apt-get download -q=2 "$name" >/dev/null) \
          || fail "$packages: $name=$version (or any version of $name) must be downloadable from the Debian mirror," \
            "but apt-get download failed (without root, run 'apt-get update' first)"
        deb=$(comm -13 <(echo "$before" | sort) <(ls "$cache/${name}_"*.deb | sort) | head -1)
        [ -n "$deb" ] || deb=$(ls -t "$cache/${name}_"*.deb | head -1)
        echo "image: WARN $packages: $name=$version is no longer on the Debian mirror; using $(basename "$deb")" \
          "(update the pin: apt-cache policy $name)" >&2
      fi
    fi
    [ -n "$deb" ] || deb=$(ls "$cache/${name}_${file_version}_"*.deb | head -1)
  fi
  debs+=("$deb")
done <"$packages"

rm -rf "$root"
mkdir -p "$root"
for deb in "${debs[@]}"; do
  dpkg-deb -x "$deb" "$root"
done

# what maintainer scripts and base-passwd would have written
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
nogroup:x:65534:
GROUP
echo "hosts: files dns" >"$root/etc/nsswitch.conf"
mkdir -p "$root/home/nonroot" "$root/tmp"
rm -f "$root/etc/localtime"
cp "$root/usr/share/zoneinfo/Etc/UTC" "$root/etc/localtime"
echo "Etc/UTC" >"$root/etc/timezone"
mkdir -p "$root/etc/ssl/certs/java"
java "$here/Cacerts.java" "$root/usr/share/ca-certificates/mozilla" "$root/etc/ssl/certs/java/cacerts"

# links -> copies of their targets inside the root
resolve() { # prints the path inside the root that a link finally names, or nothing
  local path=$1 n=0 target
  while [ -L "$path" ] && [ $n -lt 20 ]; do
    target=$(readlink "$path")
    case "$target" in
      /*) path="$root$target" ;;
      *) path="$(dirname "$path")/$target" ;;
    esac
    n=$((n + 1))
  done
  [ -e "$path" ] && [ ! -L "$path" ] && echo "$path"
  return 0
}
while IFS= read -r -d '' link; do
  target=$(resolve "$link")
  if [ -n "$target" ] && [ -f "$target" ]; then
    cp --remove-destination "$target" "$link"
  else
    rm -f "$link"
  fi
done < <(find "$root" -type l -print0)

mkdir -p "$root/usr/share/salvo"
{
  echo "# Debian packages unpacked into this image's base (name=version), from $(sed -n 's/^PRETTY_NAME=//p' "$root/etc/os-release" | tr -d '"')"
  for deb in "${debs[@]}"; do
    dpkg-deb -f "$deb" Package Version | paste -sd= | sed 's/Package: //; s/=Version: /=/'
  done
} >"$root/usr/share/salvo/packages.txt"
echo "image: base root file system from ${#debs[@]} Debian packages in $root ($(du -sh "$root" | cut -f1))"
