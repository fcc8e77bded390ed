# Helpers for the kaikuprint serve suites (sourced after tests/lib.sh).
# Each server listens on a random port in 18000-18999 on 127.0.0.1 and is
# killed when the suite ends, passed or failed (trap on EXIT).

SERVER_PID=""
stop_server() {
	if [ -n "$SERVER_PID" ]; then
		# under a wrapper (strace) the server is its child: stop the server
		for _child in $(ps -o pid= --ppid "$SERVER_PID" 2>/dev/null); do
			kill "$_child" 2>/dev/null
		done
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_STATUS=$?
	fi
	SERVER_PID=""
}
trap stop_server EXIT
trap 'stop_server; exit 1' INT TERM

# start_server LOG [WRAPPER...] -- ARGS...: kaikuprint serve ARGS on a free
# random port; sets PORT, U (the base URL) and SERVER_PID. A port in use is
# tried again with another; returns 1 when no server came up.
start_server() {
	_log=$1; shift
	_wrap=""
	while [ "$1" != "--" ]; do _wrap="$_wrap $1"; shift; done
	shift
	for _try in 1 2 3 4 5 6 7 8; do
		PORT=$((18000 + $(od -An -N2 -tu2 /dev/urandom) % 1000))
		U=http://127.0.0.1:$PORT
		$_wrap "$KP" serve --listen 127.0.0.1:$PORT "$@" 2> "$_log" &
		SERVER_PID=$!
		_i=0
		while [ $_i -lt 300 ]; do # 30 s: sanitizer builds start slowly
			grep -q "^kaikuprint: serving" "$_log" 2>/dev/null && return 0
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.1
			_i=$((_i + 1))
		done
		stop_server
		grep -q "cannot listen" "$_log" || return 1
	done
	return 1
}

# req NAME STATUS CURL-ARGS...: one request with the cookie jar $S/jar; the
# headers go to $S/h, the body to $S/b; passes when the status is STATUS.
req() {
	_n=$1; _want=$2; shift 2
	_got=$(curl -s -o "$S/b" -D "$S/h" -w '%{http_code}' --max-time 60 \
		-b "$S/jar" -c "$S/jar" "$@")
	if [ "$_got" = "$_want" ]; then pass "$_n"; else fail "$_n" "status $_got, wanted $_want"; fi
}

# header NAME REGEX: the last answer's headers have a line matching REGEX.
header() {
	if tr -d '\r' < "$S/h" | grep -qiE "$2"; then pass "$1"; else fail "$1" "no header /$2/"; fi
}

# form_token FILE: the form token in an HTML page.
form_token() {
	sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1
}
