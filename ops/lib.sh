# shellcheck shell=bash
# Functions shared by ops/install-deps, ops/run and ops/test. Source it; it defines and runs nothing
# except setting ROOT, PROG and CALLER_PWD.
#
# Every error is one line "<script>: what failed; what to do" on standard error, then exit 1.
# Relative paths in MOBILITY_* variables are taken relative to the directory the script was
# started from.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PROG="ops/${0##*/}"
CALLER_PWD=$PWD

die() {
  printf '%s: %s\n' "$PROG" "$*" >&2
  exit 1
}

say() {
  printf '%s: %s\n' "$PROG" "$*" >&2
}

is_root() {
  [[ $(id -u) -eq 0 ]]
}

# abs_path PATH: PATH made absolute against the caller's directory (not required to exist).
abs_path() {
  case $1 in
    /*) realpath -m -- "$1" ;;
    *) realpath -m -- "$CALLER_PWD/$1" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Single instance

# acquire_lock FILE: take an exclusive lock on FILE for the rest of this process, or exit 1
# naming the pid that holds it. The pid of this script is written into FILE. The lock is file
# descriptor 9; commands that may leave daemons behind (pg_ctl start, apt-get) get it closed
# (9>&-) so that a leftover server never keeps the lock.
acquire_lock() {
  local file=$1
  mkdir -p "$(dirname "$file")" || die "cannot create $(dirname "$file"); check its permissions"
  { exec 9<>"$file"; } 2>/dev/null || die "cannot open the lock file $file; check its permissions"
  if ! flock -n 9; then
    local pid
    pid=$(head -n 1 "$file" 2>/dev/null || true)
    die "$PROG is already running (pid ${pid:-unknown}); stop it first (Ctrl-C in its terminal, or kill ${pid:-<pid>})"
  fi
  printf '%s\n' "$$" >"$file"
}

# ---------------------------------------------------------------------------------------------
# Debian packages

# package_list [LIST...]: the package names of ops/packages.txt and of the given lists (paths
# relative to ops/), without comments and blank lines.
package_list() {
  local list files=("$ROOT/ops/packages.txt")
  for list in "$@"; do files+=("$ROOT/ops/$list"); done
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "${files[@]}"
}

# missing_packages [LIST...]: the listed packages that are not installed, one per line.
missing_packages() {
  local -a wanted
  mapfile -t wanted < <(package_list "$@")
  local installed
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null |
    awk 'substr($2, 2, 1) == "i" { print $1 }' || true)
  local package
  for package in "${wanted[@]}"; do
    grep -qxF -- "$package" <<<"$installed" || printf '%s\n' "$package"
  done
}

# as_admin COMMAND...: run COMMAND as root (directly, or through sudo).
as_admin() {
  if is_root; then
    "$@"
  else
    sudo -- "$@"
  fi
}

# install_missing_packages [LIST...]: apt-get install what ops/packages.txt (and the given lists,
# e.g. packages-test.txt) name and dpkg lacks; silent when nothing is missing.
install_missing_packages() {
  command -v dpkg-query >/dev/null || die "dpkg-query not found: this needs Debian 12 (or install the packages of ops/packages.txt yourself)"
  local -a missing
  mapfile -t missing < <(missing_packages "$@")
  ((${#missing[@]} == 0)) && return 0
  apt_install "${missing[@]}"
}

# apt_install PACKAGE...: apt-get install the Debian packages named, as root (directly or
# through sudo).
apt_install() {
  if ! is_root && ! command -v sudo >/dev/null; then
    die "missing packages: $*; run as root, or install sudo, or run: apt-get install $*"
  fi
  say "installing missing packages: $*"
  as_admin apt-get update -q 9>&- ||
    die "apt-get update failed (see above); check the network and /etc/apt/sources.list, then run again"
  as_admin env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=120 "$@" 9>&- ||
    die "apt-get install failed for: $* (see above); fix apt, then run again"
}

# install_npm_tooling DIR WHAT: `npm ci` in DIR (tests/browser, tests/oidc) from the npm registry at
# the versions its package-lock.json pins; again only when the lock file changed. Debian's own
# nodejs comes without npm, which is Debian's package `npm`: installed when npm is missing (a
# Node.js that bundles npm, as the official builds do, has it already).
install_npm_tooling() {
  local dir=$ROOT/$1 what=$2 stamp=$ROOT/$1/node_modules/.package-lock.json
  [[ -f $stamp && ! $dir/package-lock.json -nt $stamp ]] && return 0
  command -v npm >/dev/null || apt_install npm
  command -v npm >/dev/null || die "npm not found, even after installing Debian's npm package; install Node.js with npm (the tests need $what)"
  say "installing $what for the tests (npm ci in $1)"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error 9>&-) ||
    die "npm ci in $dir failed (see above); check that the npm registry is reachable, then run again"
}

# install_browser_tooling: playwright-core for the browser tests (tests/browser). It never
# downloads a browser: the tests drive Debian's chromium.
install_browser_tooling() { install_npm_tooling tests/browser playwright-core; }

# install_oidc_tooling: oidc-provider, the OpenID provider the sign-in tests run against
# (tests/oidc, tests/http/oidc_sign_in_test.cpp).
install_oidc_tooling() { install_npm_tooling tests/oidc oidc-provider; }

# ---------------------------------------------------------------------------------------------
# Build

# assemble_schema_bundle [warn]: the EWP schemas the node checks partners' answers with, in
# var/schemas (ops/schema-bundle; silent when they are complete). Fatal, unless "warn": the node
# then serves, but says at start-up that it cannot call partners, and why.
assemble_schema_bundle() {
  "$ROOT/ops/schema-bundle" 9>&- && return 0
  [[ ${1:-} == warn ]] || die "the EWP schema bundle could not be assembled (see above)"
  say "the EWP schema bundle is incomplete (see above): the node will serve, but will not call partners"
}

build_dir() {
  abs_path "${MOBILITY_BUILD_DIR:-$ROOT/build}"
}

# build_project TARGET: configure (first time, or when MOBILITY_CMAKE_ARGS changed) and build
# TARGET: "mobility" (the executable, all ops/run needs) or "all" (with the tests).
build_project() {
  local target=$1 dir stamp args=${MOBILITY_CMAKE_ARGS:-}
  dir=$(build_dir)
  stamp="$dir/.ops-cmake-args"
  [[ -f $ROOT/CMakeLists.txt ]] || die "no CMakeLists.txt in $ROOT; nothing to build"
  mkdir -p "$dir" || die "cannot create the build directory $dir; set MOBILITY_BUILD_DIR to a writable one"
  # One build at a time per build directory (ops/run and ops/test may start together).
  { exec 8>"$dir/.ops-build.lock"; } 2>/dev/null || die "cannot open $dir/.ops-build.lock; check the permissions of $dir"
  flock 8
  if [[ ! -f $dir/CMakeCache.txt || ! -f $stamp || $(<"$stamp") != "$args" ]]; then
    local -a extra
    read -r -a extra <<<"$args"
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "${extra[@]}" 8>&- 9>&- ||
      die "cmake configure failed (see above); fix it, or delete $dir and run again"
    printf '%s' "$args" >"$stamp"
  fi
  cmake --build "$dir" -j "$(nproc)" --target "$target" 8>&- 9>&- || die "the build failed (see the errors above); fix them and run again"
  exec 8>&-
}

# mobility_binary: path of the built mobility executable (the newer one if both layouts exist).
mobility_binary() {
  local dir best=""
  dir=$(build_dir)
  local candidate
  for candidate in "$dir/ops/cli/mobility" "$dir/mobility"; do
    [[ -x $candidate && -f $candidate ]] || continue
    if [[ -z $best || $candidate -nt $best ]]; then best=$candidate; fi
  done
  [[ -n $best ]] || die "the build produced no mobility executable (looked for $dir/ops/cli/mobility and $dir/mobility)"
  printf '%s\n' "$best"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL cluster: <root>/data, <root>/sock (Unix socket only, no TCP), <root>/log.
# pg_use ROOT PORT VAR selects the cluster the other pg_* functions act on; VAR is the prefix of
# the variables that set ROOT and PORT (MOBILITY_PG or MOBILITY_TEST_PG), named in messages.

pg_use() {
  PG_ROOT=$(abs_path "$1")
  PG_PORT=$2
  PG_VAR=$3
  PG_DATA=$PG_ROOT/data
  PG_SOCK=$PG_ROOT/sock
  PG_LOG=$PG_ROOT/log
  if [[ ! $PG_PORT =~ ^[0-9]+$ ]] || ((PG_PORT < 1 || PG_PORT > 65535)); then
    die "PostgreSQL port '$PG_PORT' is not a number in 1..65535; fix ${PG_VAR}_PORT"
  fi
  [[ $PG_ROOT != *"'"* ]] || die "the PostgreSQL directory $PG_ROOT contains a quote; choose another one with ${PG_VAR}_DIR"
  PG_BIN=$(pg_bin_dir)
}

# pg_bin_dir: the bin directory of the highest installed PostgreSQL server version >= 15.
pg_bin_dir() {
  local dir version best=""
  for dir in /usr/lib/postgresql/*/; do
    version=$(basename "$dir")
    [[ $version =~ ^[0-9]+$ && -x $dir/bin/initdb && -x $dir/bin/pg_ctl ]] || continue
    if ((version >= 15 && version > ${best:-0})); then best=$version; fi
  done
  [[ -n $best ]] || die "no PostgreSQL server >= 15 in /usr/lib/postgresql; run ops/install-deps (package postgresql)"
  printf '%s\n' "/usr/lib/postgresql/$best/bin"
}

pg_version() {
  basename "$(dirname "$PG_BIN")"
}

# pg_owner: the system user the server runs as (postgres when we are root, else ourselves).
pg_owner() {
  if is_root; then echo postgres; else id -un; fi
}

# pg_as_owner COMMAND...: run a server program as pg_owner, from / (the caller's directory may be
# unreadable for postgres).
pg_as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# pg_ctl_command ARGS...: how a person runs pg_ctl on this cluster (for messages).
pg_ctl_command() {
  local prefix=""
  is_root && prefix="runuser -u postgres -- "
  printf '%s%s -D %s %s\n' "$prefix" "$PG_BIN/pg_ctl" "$PG_DATA" "$*"
}

pg_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres "$@"
}

# url_encode TEXT: percent-encode everything except unreserved characters and '/'.
url_encode() {
  local text=$1 out="" char i
  for ((i = 0; i < ${#text}; i++)); do
    char=${text:i:1}
    case $char in
      [A-Za-z0-9/._~-]) out+=$char ;;
      *) out+=$(printf '%%%02X' "'$char") ;;
    esac
  done
  printf '%s\n' "$out"
}

# pg_url DATABASE: libpq URL of DATABASE as superuser postgres over the cluster's socket.
pg_url() {
  printf 'postgresql:///%s?host=%s&port=%s&user=postgres\n' "$1" "$(url_encode "$PG_SOCK")" "$PG_PORT"
}

# pg_prepare_dir: create the cluster directory and check its owner can use it.
pg_prepare_dir() {
  local owner
  owner=$(pg_owner)
  if is_root; then
    id -u postgres >/dev/null 2>&1 || die "there is no 'postgres' system user; run ops/install-deps (package postgresql)"
    if [[ ! -d $PG_ROOT ]]; then
      mkdir -p "$PG_ROOT" || die "cannot create $PG_ROOT; choose another directory with ${PG_VAR}_DIR"
      chown postgres:postgres "$PG_ROOT"
    elif [[ $(stat -c %U "$PG_ROOT") != postgres ]]; then
      [[ -z $(ls -A "$PG_ROOT") ]] ||
        die "$PG_ROOT is not empty and not owned by postgres; choose a new directory with ${PG_VAR}_DIR"
      chown postgres:postgres "$PG_ROOT"
    fi
  else
    mkdir -p "$PG_ROOT" || die "cannot create $PG_ROOT; choose another directory with ${PG_VAR}_DIR"
  fi
  pg_as_owner test -d "$PG_ROOT" -a -w "$PG_ROOT" -a -x "$PG_ROOT" ||
    die "user '$owner' cannot reach or write $PG_ROOT (a parent directory such as a 0700 home blocks it); set ${PG_VAR}_DIR to a directory outside it, e.g. /var/tmp/mobility-${PG_ROOT##*/}"
  if [[ ! -d $PG_SOCK ]]; then
    pg_as_owner mkdir -p "$PG_SOCK" || die "cannot create $PG_SOCK as user '$owner'"
  fi
  local socket="$PG_SOCK/.s.PGSQL.$PG_PORT"
  ((${#socket} < 100)) ||
    die "the socket path $socket is ${#socket} characters, PostgreSQL allows fewer than 100; set ${PG_VAR}_DIR to a shorter directory"
}

# pg_init: initdb when the data directory has no PG_VERSION yet.
pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  if is_root && [[ -d $PG_DATA ]]; then chown postgres:postgres "$PG_DATA"; fi
  say "creating a PostgreSQL $(pg_version) cluster in $PG_DATA"
  if ! pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$PG_ROOT/initdb.log" 2>&1; then
    cat "$PG_ROOT/initdb.log" >&2
    die "initdb failed (log above, also in $PG_ROOT/initdb.log); fix it or delete $PG_DATA and run again"
  fi
}

pg_is_running() {
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# pg_check_running_matches: a running cluster must listen where we will connect.
pg_check_running_matches() {
  local port sock
  port=$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  sock=$(sed -n 5p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  if [[ -n $port && ($port != "$PG_PORT" || $sock != "$PG_SOCK") ]]; then
    die "the cluster in $PG_DATA is already running on port $port (socket dir $sock), not $PG_PORT; stop it ($(pg_ctl_command -m fast stop)) or use ${PG_VAR}_PORT=$port"
  fi
}

# pg_start: start the cluster unless it runs; sets PG_STARTED=1 when this call starts it (set
# before the attempt, so that an interrupted start is stopped too).
pg_start() {
  PG_STARTED=0
  if pg_is_running; then
    pg_check_running_matches
    say "PostgreSQL already running in $PG_ROOT (port $PG_PORT); it will be left running"
    return 0
  fi
  if "$PG_BIN/pg_isready" -q -h "$PG_SOCK" -p "$PG_PORT" 2>/dev/null; then
    die "another PostgreSQL server already uses the socket $PG_SOCK/.s.PGSQL.$PG_PORT; stop it or choose another port (${PG_VAR}_PORT)"
  fi
  # shellcheck disable=SC2034 # read by the scripts' EXIT traps
  PG_STARTED=1
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
    -o "-k '$PG_SOCK' -p $PG_PORT -c listen_addresses=''" start 9>&-; then
    tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
    if grep -q 'could not create lock file\|already in use\|Is another postmaster' "$PG_LOG" 2>/dev/null; then
      die "PostgreSQL could not start: another server holds port $PG_PORT or $PG_DATA; stop it or choose another port (${PG_VAR}_PORT)"
    fi
    die "PostgreSQL did not start (last lines of $PG_LOG above); fix the cause and run again"
  fi
  say "PostgreSQL $(pg_version) started in $PG_ROOT (socket $PG_SOCK, port $PG_PORT)"
}

# pg_stop: stop the cluster if it runs.
pg_stop() {
  pg_is_running || return 0
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -s stop; then
    say "PostgreSQL in $PG_ROOT stopped"
  else
    say "could not stop PostgreSQL in $PG_ROOT; stop it with: $(pg_ctl_command -m fast stop)"
  fi
}

# pg_ensure_database NAME: create database NAME unless it exists.
pg_ensure_database() {
  local exists
  exists=$(pg_psql -d postgres -tAc "select 1 from pg_database where datname='$1'") ||
    die "cannot connect to PostgreSQL at $PG_SOCK port $PG_PORT (see above; server log: $PG_LOG)"
  [[ $exists == 1 ]] && return 0
  "$PG_BIN/createdb" -h "$PG_SOCK" -p "$PG_PORT" -U postgres "$1" || die "createdb $1 failed (see above)"
  say "created database $1"
}

# drop_test_databases URL: drop the databases the tests create (mobility_t_*) that a crashed or
# interrupted run left behind, on the server of URL (a superuser URL).
drop_test_databases() {
  local psql
  psql="$(pg_bin_dir)/psql"
  "$psql" -X -q -v ON_ERROR_STOP=1 -d "$1" >/dev/null <<'SQL' ||
SELECT format('ALTER DATABASE %I IS_TEMPLATE false', datname), format('DROP DATABASE %I WITH (FORCE)', datname)
  FROM pg_database WHERE datname LIKE 'mobility\_t\_%' \gexec
SQL
    die "cannot drop the leftover test databases (mobility_t_*) on the test server (see above); check that it runs and that the URL names a superuser"
}
