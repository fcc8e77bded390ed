# Helpers for test suites (sourced by tests/run). Each check records one
# line "pass NAME" or "fail NAME" in $RESULTS.

pass() { echo "pass $1" >> "$RESULTS"; echo "  ok   $1"; }
fail() { echo "fail $1" >> "$RESULTS"; echo "  FAIL $1${2:+: $2}"; }

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	_name=$1; shift
	if "$@" > "$OUT/check.log" 2>&1; then pass "$_name"; else fail "$_name" "$(tail -3 "$OUT/check.log")"; fi
}

# same_file NAME EXPECTED ACTUAL: passes when identical; shows a diff -u.
same_file() {
	if diff -u "$2" "$3" > "$OUT/diff.log" 2>&1; then pass "$1"; else
		fail "$1" "differs from $2"; head -40 "$OUT/diff.log"; fi
}

# contains NAME FILE TEXT: passes when FILE contains TEXT (fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1" "no '$3' in $2"; fi
}

# Golden cases: tests/cases/<area>/<name>/ holds `args` (the kaikuprint
# arguments, one line, run from the case folder with $KP absolute), and the
# expected `status`, `stderr` and optionally `dump` (from --dump layout.dump)
# and `stdout`. UPDATE_GOLDEN=1 rewrites the expected files.
run_case() {
	_dir=$1
	_name=$(echo "$_dir" | sed 's|tests/cases/||')
	_kp=$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")
	_work="$OUT/cases/$_name"
	mkdir -p "$_work"
	cp -r "$_dir"/. "$_work"/
	( cd "$_work" && rm -f layout.dump out.pdf &&
	  eval "\"$_kp\" $(cat args)" > actual.stdout 2> actual.stderr; echo $? > actual.status )
	for f in status stderr dump stdout; do
		_actual="$_work/actual.$f"
		[ "$f" = dump ] && _actual="$_work/layout.dump"
		if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
			if [ -f "$_dir/$f" ] || { [ "$f" != stdout ] && [ -f "$_actual" ]; }; then
				cp "$_actual" "$_dir/$f" 2>/dev/null || rm -f "$_dir/$f"
			fi
		fi
		[ -f "$_dir/$f" ] || continue
		[ -f "$_actual" ] || : > "$_actual"
		same_file "case $_name $f" "$_dir/$f" "$_actual"
	done
	# an error must leave no output behind
	if [ "$(cat "$_work/actual.status")" != 0 ] && [ -f "$_work/out.pdf" ]; then
		fail "case $_name no-output" "out.pdf written despite an error"
	fi
}

# example_logo DIR: the example region's logo (config/esimerkkila-logo.jpg)
# into DIR, for a copy of the region file written there (the logo is read
# next to the region file).
example_logo() {
	cp config/esimerkkila-logo.jpg "$1/"
}

# example_pdfs DIR LANG: every PDF `kaikuprint all` writes for the example
# region (DIR/all), the same in large print (DIR/large) and for a print
# shop (DIR/press), and the example card batch in LANG (DIR/batch-LANG.pdf);
# messages in DIR/*.log.
example_pdfs() {
	mkdir -p "$1/all" "$1/large" "$1/press"
	"$KP" all -c config/esimerkkila.ini -o "$1/all" -q 2> "$1/all.log"
	"$KP" all -c config/esimerkkila.ini -o "$1/large" --large-print -q 2> "$1/large.log"
	"$KP" all -c config/esimerkkila.ini -o "$1/press" --press -q 2> "$1/press.log"
	"$KP" render -c config/esimerkkila.ini -t templates/card-inserts.xml -l "$2" \
		--data config/esimerkkila-holders.csv -o "$1/batch-$2.pdf" -q 2> "$1/batch.log"
}

# check_each_example DIR LABEL CMD...: "check LABEL: NAME CMD... PDF" for
# every PDF example_pdfs wrote into DIR (NAME: the PDF's path in DIR).
check_each_example() {
	_dir=$1 _label=$2
	shift 2
	for _pdf in "$_dir"/all/*.pdf "$_dir"/large/*.pdf "$_dir"/press/*.pdf "$_dir"/batch-*.pdf; do
		check "$_label: ${_pdf#"$_dir"/}" "$@" "$_pdf"
	done
}
