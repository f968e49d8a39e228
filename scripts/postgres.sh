#!/usr/bin/env bash
# Makes the local PostgreSQL usable by the team flavor's tests: starts the cluster when it is down
# and, when `CREATE EXTENSION vector` is not possible, builds pgvector from Debian's source package
# of the next release (this release ships no binary package of it) and installs it.
set -euo pipefail

PGHOST=${LORE_PG_HOST:-127.0.0.1}
PGPORT=${LORE_PG_PORT:-5432}
PGUSER=${LORE_PG_USER:-postgres}
export PGHOST PGPORT PGUSER

log() { echo "postgres.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

server_up() { pg_isready -q -h "$PGHOST" -p "$PGPORT"; }

start_cluster() {
    server_up && return 0
    local version
    version=$(ls /etc/postgresql | sort -V | tail -1)
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do server_up && return 0; sleep 1; done
    log "PostgreSQL did not come up on $PGHOST:$PGPORT"
    exit 1
}

vector_available() {
    psql -d postgres -tAc "select 1 from pg_available_extensions where name = 'vector'" | grep -q 1
}

install_pgvector() {
    local server_major work sources lists
    server_major=$(psql -d postgres -tAc "show server_version_num" | cut -c1-2)
    work=$(mktemp -d)
    sources="$work/sources.list.d"
    lists="$work/lists"
    mkdir -p "$sources" "$lists/partial"
    # deb-src for the next Debian release, from the same mirrors and keys as the system's own sources
    awk '
        /^URIs:/ && !uri { uri = $0 }
        /^Signed-By:/ && !key { key = $0 }
        END { print "Types: deb-src"; print uri; print "Suites: trixie"; print "Components: main"; print key }
    ' /etc/apt/sources.list.d/debian.sources > "$sources/trixie-src.sources"
    local apt_opts=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null
        -o Dir::Etc::SourceParts="$sources" -o Dir::State::Lists="$lists")
    log "fetching pgvector sources (Debian trixie)"
    as_root apt-get "${apt_opts[@]}" update -qq
    (cd "$work" && as_root apt-get "${apt_opts[@]}" source --download-only -qq pgvector)
    log "installing postgresql-server-dev-$server_major"
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$server_major" >/dev/null; then
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$server_major" >/dev/null
    fi
    local orig
    orig=$(ls "$work"/pgvector_*.orig.tar.* | head -1)
    mkdir -p "$work/src"
    tar -xf "$orig" -C "$work/src" --strip-components=1
    log "building pgvector"
    make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$server_major/bin/pg_config" >/dev/null
    as_root make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$server_major/bin/pg_config" install >/dev/null
    rm -rf "$work"
}

start_cluster
if ! vector_available; then
    install_pgvector
fi
vector_available || { log "pgvector is still not available"; exit 1; }
log "PostgreSQL on $PGHOST:$PGPORT with pgvector $(psql -d postgres -tAc "select default_version from pg_available_extensions where name = 'vector'")"
