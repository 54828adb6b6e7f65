#!/usr/bin/env bash
# Installs the pgvector extension into the local PostgreSQL server (default: the newest major version
# installed under /usr/lib/postgresql, or PG_MAJOR=15). Bookworm does not package pgvector, so this builds
# Debian trixie's source package against bookworm's postgresql-server-dev-NN. Trixie is only ever seen by a
# PRIVATE apt state (its own sources.list, lists and cache in a temporary directory): the system's
# sources.list and package lists are never touched. Idempotent: exits at once when vector.control and
# vector.so are already in place.
set -euo pipefail

log() { echo "pgvector: $*"; }

if [ -z "${PG_MAJOR:-}" ]; then
  PG_MAJOR=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sed -E 's#.*/postgresql/([0-9]+)/bin/postgres#\1#' | sort -n | tail -n 1)
fi
if [ -z "${PG_MAJOR:-}" ]; then
  echo "pgvector: no PostgreSQL server under /usr/lib/postgresql (install postgresql first, or set PG_MAJOR)" >&2
  exit 1
fi
pg_config=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
control=/usr/share/postgresql/$PG_MAJOR/extension/vector.control
library=/usr/lib/postgresql/$PG_MAJOR/lib/vector.so

if [ -f "$control" ] && [ -f "$library" ]; then
  log "already installed for PostgreSQL $PG_MAJOR ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "$control"))"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi

# Build tools and server headers come from bookworm itself (the system's normal sources).
missing=$(for p in build-essential dpkg-dev "postgresql-server-dev-$PG_MAJOR"; do
  dpkg -s "$p" >/dev/null 2>&1 || echo "$p"
done)
if [ -n "$missing" ]; then
  log "installing build dependencies: $(echo $missing)"
  "${SUDO[@]}" apt-get update -q >/dev/null
  # shellcheck disable=SC2086  # one word per package
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
state=$work/apt
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources.list.d" "$work/src"
# The archive keyring of bookworm also holds the automatic signing keys that sign trixie's Release file.
cat > "$state/sources.list" <<'EOF'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
EOF
apt_private=(
  -o "Dir::Etc::SourceList=$state/sources.list"
  -o "Dir::Etc::SourceParts=$state/sources.list.d"
  -o "Dir::State::Lists=$state/lists"
  -o "Dir::Cache=$state/cache"
  -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
  -o "APT::Get::List-Cleanup=false"
)
# As root apt drops to the _apt user to download, which cannot enter a 0700 temporary directory.
if [ "$(id -u)" = 0 ]; then apt_private+=(-o "APT::Sandbox::User=root"); fi

log "fetching the trixie source package (private apt state)"
apt-get "${apt_private[@]}" -q update >/dev/null
(cd "$work/src" && apt-get "${apt_private[@]}" -q source pgvector >/dev/null)
srcdir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
if [ -z "$srcdir" ]; then
  echo "pgvector: apt-get source pgvector unpacked nothing in $work/src" >&2
  exit 1
fi
log "building $(basename "$srcdir") for PostgreSQL $PG_MAJOR"
make -s -C "$srcdir" -j"$(nproc)" PG_CONFIG="$pg_config" >/dev/null
"${SUDO[@]}" make -s -C "$srcdir" install PG_CONFIG="$pg_config" >/dev/null

if [ ! -f "$control" ] || [ ! -f "$library" ]; then
  echo "pgvector: make install did not produce $control and $library" >&2
  exit 1
fi
log "installed for PostgreSQL $PG_MAJOR ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "$control")); CREATE EXTENSION vector needs a superuser"
