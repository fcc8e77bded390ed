# kaikuprint serve under load on loopback (issue 17): 2,000 mixed requests,
# 16 at a time, bounded (tests/serve/load.py stops by itself within 55 s):
# no request errs, median and 99th percentile latency and peak memory are
# reported, and memory does not grow after warm-up.
S=$OUT/serve-load
mkdir -p "$S"
. tests/serve/lib.sh
cp config/esimerkkila.ini "$S/region.ini"
example_logo "$S"
printf 'name,issued,children\nAino Kuormitus,2027-03-01,1\nBo Belastning,2027-02-02,0\n' > "$S/holders.csv"
# AddressSanitizer keeps freed memory in quarantine: keep it small here, so
# that what is measured is the server's own growth.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=8:thread_local_quarantine_size_kb=64"
export ASAN_OPTIONS
if start_server "$S/log" -- -c "$S/region.ini"; then
	python3 tests/serve/load.py "$PORT" "$SERVER_PID" "$S/holders.csv" 2000 16 > "$S/report" 2>&1
	rc=$?
	cat "$S/report"
	check "serve load: 2000 requests, 16 at a time, no error, no growth" test $rc -eq 0
	if grep -q -e Kuormitus -e Belastning "$S/log"; then fail "serve load: no name in the log"
	else pass "serve load: no name in the log"; fi
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	check "serve load: SIGTERM after the load, exit 0" test $? -eq 0
	SERVER_PID=""
else
	fail "serve load: server starts" "$(cat "$S/log")"
fi
