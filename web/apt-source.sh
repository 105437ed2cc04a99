#!/bin/sh
# web/apt-source.sh - fetch one Debian source package into build/web/src, pinned by web/deps.lock.
#
#   sh web/apt-source.sh DIR PACKAGE
#
# The deb-src entries are derived from the machine's own apt sources
# (/etc/apt/sources.list.d/*.sources in deb822 form, or /etc/apt/sources.list)
# and kept in DIR/apt with their own package lists, so the system's apt
# configuration and state are untouched. The version fetched is the one in
# web/deps.lock, and the .dsc's sha256 must match the lock before anything is
# unpacked (dpkg-source then checks the tarballs against the .dsc).
# Leaves DIR/src/PACKAGE (the unpacked source tree, with Debian's patches).
set -eu
dir=$1; pkg=$2
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
lock=$(dirname "$0")/deps.lock
line=$(grep "^$pkg " "$lock") || { echo "$pkg: not in $lock" >&2; exit 1; }
ver=$(echo "$line" | awk '{print $2}')
sha=$(echo "$line" | awk '{print $3}')
apt=$dir/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$dir/src"
opts="-o Dir::Etc::SourceList=$apt/sources.list -o Dir::Etc::SourceParts=/dev/null \
-o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1 -o APT::Sandbox::User=root"

if [ ! -s "$apt/sources.list" ]; then
    : > "$apt/sources.list.tmp"
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # deb822 stanzas of Types: deb -> one-line deb-src entries
        awk '
          function flush() { if (types ~ /deb/ && uris != "") {
              n = split(suites, s, " ");
              for (i = 1; i <= n; i++)
                printf "deb-src %s%s %s %s\n", (signed != "" ? "[signed-by=" signed "] " : ""), uris, s[i], comps } 
              types = uris = suites = comps = signed = "" }
          /^[ \t]*#/ { next }
          /^[ \t]*$/ { flush(); next }
          { key = $1; sub(/:$/, "", key); $1 = ""; sub(/^ /, ""); }
          key == "Types" { types = $0 } key == "URIs" { uris = $0 } key == "Suites" { suites = $0 }
          key == "Components" { comps = $0 } key == "Signed-By" { signed = $0 }
          END { flush() }' "$f" >> "$apt/sources.list.tmp"
    done
    if [ -f /etc/apt/sources.list ]; then
        sed -n 's/^[ \t]*deb[ \t]/deb-src /p' /etc/apt/sources.list >> "$apt/sources.list.tmp"
    fi
    sort -u "$apt/sources.list.tmp" > "$apt/sources.list"; rm -f "$apt/sources.list.tmp"
    [ -s "$apt/sources.list" ] || { echo "no apt sources found to derive deb-src entries from" >&2; exit 1; }
fi
if ! ls "$apt/lists/"*Sources* >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    apt-get $opts -qq update
fi

out=$dir/src/$pkg
[ -f "$out/.pulje-ok" ] && exit 0
dl=$dir/dl/$pkg
rm -rf "$dl" "$out"; mkdir -p "$dl"
# shellcheck disable=SC2086
(cd "$dl" && apt-get $opts -qq --download-only source "$pkg=$ver")
dsc=$(ls "$dl"/*.dsc)
got=$(sha256sum "$dsc" | awk '{print $1}')
if [ "$got" != "$sha" ]; then
    echo "$pkg $ver: $dsc has sha256 $got, web/deps.lock says $sha" >&2; exit 1
fi
# (no Debian keyring here: the signature is not checked, the pinned hash is)
dpkg-source -x "$dsc" "$out" >"$dl/dpkg-source.log" 2>&1 || { cat "$dl/dpkg-source.log" >&2; exit 1; }
touch "$out/.pulje-ok"
