# shellcheck shell=bash
# Helpers shared by infra/run, infra/test and .ci/run. Source it, do not execute it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets REPO_ROOT, and provides: ensure_packages, free_port, port_is_free, pg_start, pg_stop,
# smtp_start, smtp_stop, export_portal_env, export_admin_env, make_tmpdir, install_cleanup_trap,
# find_solution, require_project, die, log.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
SYS_PYTHON="/usr/bin/python3"
PORTAL_PACKAGES=(postgresql python3-aiosmtpd chromium poppler-utils fonts-dejavu-core)

# No MSBuild node reuse: a build leaves no long-lived MSBuild processes behind (nothing may be left running when a
# script exits); the compiler server is shut down by portal_build after each build.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# portal_build PROJECT...: builds each project (Debug, or $PORTAL_CONFIGURATION) with the shared compiler server, which makes a cold build
# much faster, then shuts the server down so that nothing outlives the script.
portal_build() {
  local project rc=0
  for project in "$@"; do
    dotnet build "$project" -c "${PORTAL_CONFIGURATION:-Debug}" -nodeReuse:false </dev/null || { rc=$?; break; }
  done
  dotnet build-server shutdown >/dev/null 2>&1 || true
  return "$rc"
}

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" == 0 ]]; }

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
ensure_packages() {
  local pkgs=("$@") missing=() p
  ((${#pkgs[@]})) || pkgs=("${PORTAL_PACKAGES[@]}")
  for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0

  local sudo=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1; then
      if [[ "${CI:-}" == true ]]; then sudo=(sudo -n); else sudo=(sudo); fi
    else
      die "missing Debian packages: ${missing[*]} (not root and no sudo: install them with 'apt-get install ${missing[*]}')"
    fi
  fi
  log "installing missing Debian packages: ${missing[*]}"
  # Wait for another apt/dpkg run to release its lock instead of failing.
  local aptopts=(-o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${aptopts[@]}" update -qq \
    || die "apt-get update failed"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${aptopts[@]}" install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
}

# ---------------------------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------------------------
_py() { if [[ -x "$SYS_PYTHON" ]]; then "$SYS_PYTHON" "$@"; else python3 "$@"; fi; }

# free_port: print a TCP port on 127.0.0.1 that nothing is bound to right now.
free_port() {
  _py -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# port_is_free PORT: true if 127.0.0.1:PORT can be bound (and nothing on the wildcard holds it).
port_is_free() {
  _py - "$1" <<'PY' 2>/dev/null
import socket, sys
port = int(sys.argv[1])
for host in ("127.0.0.1", "0.0.0.0"):
    s = socket.socket()
    try:
        s.bind((host, port))
    except OSError:
        sys.exit(1)
    finally:
        s.close()
PY
}

# preferred_port PORT: print PORT if free, else a free port.
preferred_port() { if port_is_free "$1"; then echo "$1"; else free_port; fi; }

# wait_for_port PORT TIMEOUT_SECONDS [PID]: wait until 127.0.0.1:PORT accepts connections.
wait_for_port() {
  local port=$1 timeout=$2 pid=${3:-} deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# Cleanup (trap-based). Everything started through this file is registered here.
# ---------------------------------------------------------------------------------------------
_CLEANUP_PG_DIRS=()    # PostgreSQL data dirs to stop
_CLEANUP_PIDS=()       # background processes to stop (their process trees too)
_CLEANUP_PATHS=()      # temp dirs/files to remove
_CLEANUP_DONE=0

# make_tmpdir VAR: create a temp dir (traversable by the postgres user when run as root), registered
# for removal, and store its path in VAR. (Not "$(make_tmpdir)": a subshell could not register it.)
make_tmpdir() {
  local _d
  _d="$(mktemp -d "${TMPDIR:-/tmp}/portal.XXXXXXXX")" || die "mktemp failed"
  chmod 755 "$_d"
  _CLEANUP_PATHS+=("$_d")
  printf -v "$1" '%s' "$_d"
}

# _descendants PID: print every descendant of PID (deepest last), read from /proc without forking.
_descendants() {
  local root=$1 line rest pid ppid
  local -A kids=()
  local f
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    pid=${line%% *}
    rest=${line##*) }          # after "(comm) "
    rest=${rest#* }             # drop state
    ppid=${rest%% *}
    kids[$ppid]+="$pid "
  done
  local queue=("$root") out=() cur c
  while ((${#queue[@]})); do
    cur=${queue[0]}; queue=("${queue[@]:1}")
    for c in ${kids[$cur]:-}; do
      [[ "$c" == "$BASHPID" ]] && continue
      out+=("$c"); queue+=("$c")
    done
  done
  ((${#out[@]})) && printf '%s\n' "${out[@]}"
  return 0
}

# _stop_tree PID...: SIGTERM each pid and its descendants, wait up to 10 s, then SIGKILL what is left.
_stop_tree() {
  local all=() p d
  for p in "$@"; do
    kill -0 "$p" 2>/dev/null || continue
    while read -r d; do [[ -n "$d" ]] && all+=("$d"); done < <(_descendants "$p")
    all+=("$p")
  done
  ((${#all[@]})) || return 0
  kill -TERM "${all[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 10)) alive
  while ((SECONDS < deadline)); do
    alive=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive=1 && break; done
    ((alive)) || return 0
    sleep 0.2
  done
  kill -KILL "${all[@]}" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  ((_CLEANUP_DONE)) && return "$rc"
  _CLEANUP_DONE=1
  trap - INT TERM HUP
  set +e
  # 1. processes we started explicitly (app, sink), with their children
  ((${#_CLEANUP_PIDS[@]})) && _stop_tree "${_CLEANUP_PIDS[@]}"
  # 2. any other child process of this shell
  local left=()
  mapfile -t left < <(_descendants "$$")
  ((${#left[@]})) && _stop_tree "${left[@]}"
  # 3. PostgreSQL clusters (the postmaster is detached by pg_ctl, so stop it explicitly)
  local d
  for d in "${_CLEANUP_PG_DIRS[@]}"; do pg_stop "$d"; done
  # 4. temp dirs
  for d in "${_CLEANUP_PATHS[@]}"; do [[ -n "$d" && -e "$d" ]] && rm -rf -- "$d"; done
  return "$rc"
}

# install_cleanup_trap: run cleanup on exit, failure, Ctrl-C, TERM and HUP.
install_cleanup_trap() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
# _pg_as CMD...: run CMD as the postgres OS user when we are root (initdb/postgres refuse root).
_pg_as() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

_pg_socket_dir() {  # where the unix socket of DATADIR lives (inside it unless the path is too long)
  local datadir=$1
  if [[ -f "$datadir/.portal_socket_dir" ]]; then cat "$datadir/.portal_socket_dir"; else echo "$datadir"; fi
}

# pg_start DATADIR PORT MODE(dev|test)
pg_start() {
  local datadir=$1 port=$2 mode=${3:-dev}
  [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL binaries not found in $PG_BIN (install 'postgresql' or set PG_BIN)"
  [[ "$mode" == test || "$mode" == dev ]] || die "pg_start: mode must be 'dev' or 'test', not '$mode'"
  mkdir -p "$(dirname "$datadir")"
  datadir="$(cd "$(dirname "$datadir")" && pwd)/$(basename "$datadir")"

  if is_root; then
    runuser -u postgres -- test -x "$(dirname "$datadir")" \
      || die "the postgres OS user cannot reach $(dirname "$datadir") (check the permissions of its parents)"
  fi

  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    log "initialising PostgreSQL cluster in $datadir"
    mkdir -p "$datadir"
    [[ -z "$(ls -A "$datadir")" ]] || die "$datadir exists, is not a PostgreSQL cluster and is not empty"
    chmod 700 "$datadir"
    is_root && chown postgres:postgres "$datadir"
    local pwfile
    pwfile="$(mktemp "${TMPDIR:-/tmp}/portal-pw.XXXXXXXX")"
    printf 'postgres\n' >"$pwfile"
    chmod 644 "$pwfile"
    local initargs=(-D "$datadir" -U postgres --auth-local=trust --auth-host=scram-sha-256
                    "--pwfile=$pwfile" -E UTF8 --locale=C.UTF-8)
    [[ "$mode" == test ]] && initargs+=(--no-sync)
    if ! _pg_as "$PG_BIN/initdb" "${initargs[@]}" >"$datadir.initdb.log" 2>&1; then
      rm -f "$pwfile"; cat "$datadir.initdb.log" >&2; die "initdb failed (log above)"
    fi
    rm -f "$pwfile" "$datadir.initdb.log"
    _pg_as sh -c 'printf "\n# settings written by infra/lib.sh on each start\ninclude_if_exists = '"'"'portal.conf'"'"'\n" >>"$1/postgresql.conf"' sh "$datadir"
  fi

  if _pg_as "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    die "a PostgreSQL server is already running on $datadir (another infra/run?); stop it with: $PG_BIN/pg_ctl -D $datadir stop"
  fi

  # Unix socket inside the data dir, unless that path would exceed the 107-byte socket path limit.
  local sockdir=$datadir
  if (( ${#datadir} + 20 > 107 )); then
    sockdir="$(mktemp -d /tmp/pgsock.XXXXXX)"; chmod 755 "$sockdir"
    is_root && chown postgres:postgres "$sockdir"
    _CLEANUP_PATHS+=("$sockdir")
  fi
  local conf
  conf="listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 200
"
  if [[ "$mode" == test ]]; then
    conf+="fsync = off
synchronous_commit = off
full_page_writes = off
"
  fi
  printf '%s' "$conf" | _pg_as tee "$datadir/portal.conf" >/dev/null
  printf '%s\n' "$sockdir" | _pg_as tee "$datadir/.portal_socket_dir" >/dev/null
  _pg_as mkdir -p "$datadir/log"

  _CLEANUP_PG_DIRS+=("$datadir")
  log "starting PostgreSQL on 127.0.0.1:$port ($mode mode, log: $datadir/log/postgresql.log)"
  if ! _pg_as "$PG_BIN/pg_ctl" -D "$datadir" -l "$datadir/log/postgresql.log" -w -t 60 start >/dev/null; then
    tail -n 30 "$datadir/log/postgresql.log" >&2 2>/dev/null || true
    die "PostgreSQL did not start (log above)"
  fi

  # Roles and database, idempotently. portal_app owns nothing and cannot bypass row-level security.
  pg_psql "$datadir" postgres <<'SQL' || die "creating PostgreSQL roles/database failed"
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_owner') THEN
    CREATE ROLE portal_owner LOGIN PASSWORD 'portal_owner' CREATEDB;
  ELSE
    ALTER ROLE portal_owner LOGIN PASSWORD 'portal_owner' CREATEDB;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app LOGIN PASSWORD 'portal_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  ELSE
    ALTER ROLE portal_app LOGIN PASSWORD 'portal_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
SELECT 'CREATE DATABASE portal OWNER portal_owner'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'portal') \gexec
GRANT CONNECT ON DATABASE portal TO portal_app;
SQL
  PG_PORT=$port
}

# pg_psql DATADIR DBNAME [psql args...]: psql as the postgres superuser over the cluster's unix socket.
pg_psql() {
  local datadir=$1 db=$2; shift 2
  local sockdir port
  sockdir="$(_pg_socket_dir "$datadir")"
  port="$(sed -n 's/^port = //p' "$datadir/portal.conf")"
  _pg_as "$PG_BIN/psql" -X -q -P pager=off -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d "$db" "$@"
}

# pg_stop DATADIR: stop the cluster if it runs (fast shutdown; immediate if that hangs).
pg_stop() {
  local datadir=$1
  [[ -f "$datadir/postmaster.pid" ]] || return 0
  if ! _pg_as "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 30 stop >/dev/null 2>&1; then
    _pg_as "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------------------------------------
# SMTP sink (Debian's python3-aiosmtpd, run with the system python)
# ---------------------------------------------------------------------------------------------
# smtp_start PORT MAILDIR: every message becomes a file in MAILDIR/new. Sets SMTP_PID, SMTP_PORT.
smtp_start() {
  local port=$1 maildir=$2
  "$SYS_PYTHON" -c 'import aiosmtpd' 2>/dev/null \
    || die "$SYS_PYTHON cannot import aiosmtpd (install the Debian package python3-aiosmtpd)"
  # Python's mailbox.Maildir only creates tmp/new/cur when the folder itself is new: make them here.
  mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
  maildir="$(cd "$maildir" && pwd)"
  "$SYS_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" \
    </dev/null >>"$maildir.smtp.log" 2>&1 &
  SMTP_PID=$!
  SMTP_PORT=$port
  _CLEANUP_PIDS+=("$SMTP_PID")
  if ! wait_for_port "$port" 20 "$SMTP_PID"; then
    cat "$maildir.smtp.log" >&2 2>/dev/null || true
    die "SMTP sink did not accept connections on 127.0.0.1:$port within 20 s"
  fi
  log "SMTP sink on 127.0.0.1:$port (pid $SMTP_PID), messages are written to $maildir/new"
}

smtp_stop() { [[ -n "${SMTP_PID:-}" ]] && _stop_tree "$SMTP_PID"; return 0; }

# ---------------------------------------------------------------------------------------------
# Environment for the app and the tests
# ---------------------------------------------------------------------------------------------
# export_portal_env PG_PORT SMTP_PORT MAILDIR [PG_HOST]
export_portal_env() {
  local pgport=$1 smtpport=$2 maildir=$3 host=${4:-127.0.0.1}
  export ConnectionStrings__Portal="Host=$host;Port=$pgport;Database=portal;Username=portal_app;Password=portal_app"
  export ConnectionStrings__PortalOwner="Host=$host;Port=$pgport;Database=portal;Username=portal_owner;Password=portal_owner"
  export Smtp__Host=127.0.0.1
  export Smtp__Port="$smtpport"
  export PORTAL_MAILDIR="$maildir"
}

# export_admin_env PG_PORT [PG_HOST]: the superuser connection string, for tests only.
export_admin_env() {
  local pgport=$1 host=${2:-127.0.0.1}
  export ConnectionStrings__PortalAdmin="Host=$host;Port=$pgport;Database=postgres;Username=postgres;Password=postgres"
}

# find_solution: print the solution path (ProcurementPortal.sln or .slnx), or fail clearly.
find_solution() {
  local s
  for s in "$REPO_ROOT/ProcurementPortal.sln" "$REPO_ROOT/ProcurementPortal.slnx"; do
    [[ -f "$s" ]] && { echo "$s"; return 0; }
  done
  die "no ProcurementPortal.sln (or .slnx) in $REPO_ROOT: the solution has not been written yet"
}

# require_project DIR: fail clearly if DIR has no .csproj.
require_project() {
  compgen -G "$REPO_ROOT/$1/*.csproj" >/dev/null \
    || die "project $1 is missing (no $1/*.csproj in $REPO_ROOT)"
}

command -v dotnet >/dev/null 2>&1 || log "warning: dotnet is not on PATH"
