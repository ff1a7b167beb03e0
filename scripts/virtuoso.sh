#!/usr/bin/env bash
# Install, start and stop a private Virtuoso (Debian's virtuoso-opensource) for
# conflict-kg's remote-store tests and for trying `--store http://.../sparql`.
#
#   scripts/virtuoso.sh install                      apt-get install virtuoso-opensource (root or sudo)
#   scripts/virtuoso.sh start DIR [HTTP_PORT [SQL_PORT]]
#                                                    own database in DIR, ports bound to 127.0.0.1
#                                                    (defaults 8890 and 1111), waits until ready,
#                                                    sets dba's password to $VIRTUOSO_PASSWORD
#                                                    (default "dba") and prints the endpoint URL
#   scripts/virtuoso.sh stop DIR                     stops the server started in DIR
#   scripts/virtuoso.sh status DIR                   exit 0 if the server of DIR is running
#
# Why not the Debian service: it does not start in a container, and its database
# is shared. This runs `virtuoso-t +configfile DIR/virtuoso.ini +foreground` in the
# background with a database folder of its own. ResultSetMaxRows is raised to
# 1,000,000 (the default 10,000 cuts results silently; the client pages as well).
# Updates need HTTP digest auth as dba: /sparql-auth and /sparql-graph-crud-auth.
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

cmd_install() {
    if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
        echo "virtuoso-t already installed: $(command -v virtuoso-t)"
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null \
            || die "installing virtuoso-opensource needs root or password-less sudo; run as root: apt-get update && apt-get install -y virtuoso-opensource"
        sudo="sudo -n"
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install Virtuoso Open Source 7 by hand (virtuoso-t and isql-vt on PATH)"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
    command -v virtuoso-t >/dev/null 2>&1 || die "apt-get ran but virtuoso-t is still not on PATH"
    echo "installed $(command -v virtuoso-t)"
}

write_ini() {
    local dir=$1 http_port=$2 sql_port=$3
    mkdir -p "$dir/vsp"
    cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir
NumberOfBuffers      = ${VIRTUOSO_BUFFERS:-20000}
MaxDirtyBuffers      = ${VIRTUOSO_DIRTY_BUFFERS:-15000}
MaxQueryMem          = 1G
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir/vsp
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = ${VIRTUOSO_MAX_ROWS:-1000000}
MaxQueryExecutionTime      = 300
MaxQueryCostEstimationTime = 400
EOF
}

cmd_start() {
    local dir=${1:?usage: virtuoso.sh start DIR [HTTP_PORT [SQL_PORT]]}
    local http_port=${2:-8890} sql_port=${3:-1111}
    local password=${VIRTUOSO_PASSWORD:-dba}
    command -v virtuoso-t >/dev/null 2>&1 || die "virtuoso-t not found: run 'scripts/virtuoso.sh install' first"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if cmd_status "$dir" 2>/dev/null; then die "a server is already running for $dir (pid $(cat "$dir/virtuoso.pid"))"; fi
    write_ini "$dir" "$http_port" "$sql_port"
    : >"$dir/virtuoso.log"
    # setsid: its own process group, so `stop` (or a test fixture) ends it and nothing else.
    setsid virtuoso-t +configfile "$dir/virtuoso.ini" +foreground >"$dir/virtuoso.out" 2>&1 </dev/null &
    echo $! >"$dir/virtuoso.pid"
    local i
    for i in $(seq 1 240); do
        if grep -q "Server online at" "$dir/virtuoso.log" 2>/dev/null; then break; fi
        if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
            tail -20 "$dir/virtuoso.log" "$dir/virtuoso.out" >&2 || true
            die "virtuoso-t exited during start-up (ports $http_port/$sql_port in use?); see $dir/virtuoso.log"
        fi
        sleep 0.25
    done
    grep -q "Server online at" "$dir/virtuoso.log" || die "virtuoso-t not ready after 60 s; see $dir/virtuoso.log"
    if [ "$password" != dba ] && [ ! -e "$dir/.password-set" ]; then
        case "$password" in *"'"*|*'\'*) die "VIRTUOSO_PASSWORD must not contain quotes or backslashes" ;; esac
        local out
        out=$(isql-vt "127.0.0.1:$sql_port" dba dba exec="USER_SET_PASSWORD('dba', '$password');" 2>&1) \
            || die "could not set dba's password with isql-vt: $out"
        case "$out" in *"*** Error"*) die "could not set dba's password with isql-vt: $out" ;; esac
        touch "$dir/.password-set"
    fi
    echo "http://127.0.0.1:$http_port/sparql"
}

cmd_stop() {
    local dir=${1:?usage: virtuoso.sh stop DIR}
    [ -f "$dir/virtuoso.pid" ] || { echo "no server recorded in $dir"; return 0; }
    local pid
    pid=$(cat "$dir/virtuoso.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        local i
        for i in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/virtuoso.pid"
}

cmd_status() {
    local dir=${1:?usage: virtuoso.sh status DIR}
    [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null
}

case "${1:-}" in
    install) shift; cmd_install "$@" ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    *) echo "usage: $0 install | start DIR [HTTP_PORT [SQL_PORT]] | stop DIR | status DIR" >&2; exit 2 ;;
esac
