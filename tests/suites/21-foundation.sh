# The foundation end to end: the Finnish checklist of the example region as a
# reader and a printer see it (qpdf, pdffonts, pdftotext, pdfinfo), output
# safety, `check` listing every problem, the command line, and make install.
F="$(cd "$OUT" && pwd)/foundation"   # absolute: make -C and cd below
mkdir -p "$F/out"
example_logo "$F"
REGION=config/esimerkkila.ini
PDF="$F/out/checklist-fi.pdf"

# --- the checklist, rendered as `make run` does ---------------------------
"$KP" all -c "$REGION" -o "$F/out" 2> "$F/all.log"
check "foundation all exits 0" test $? -eq 0
check "foundation checklist-fi.pdf written" test -s "$PDF"
"$KP" render -c "$REGION" -t templates/checklist.xml -l fi -o "$F/render.pdf" \
	--dump "$F/checklist.dump" 2> "$F/render.log"
check "foundation render of the checklist exits 0 without messages" test $? -eq 0 -a ! -s "$F/render.log"
check "foundation qpdf --check" qpdf --check "$PDF"

# pdffonts: columns are name type... emb sub uni objnum gen; read them from the
# right, because the type ("CID TrueType") has a space in it.
pdffonts "$PDF" > "$F/fonts.txt" 2> /dev/null
f_fonts_ok() {
	awk 'NR > 2 { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/)
		{ print "not embedded+subset: " $0; bad = 1 } }
	     END { if (n < 2) { print "only " n " fonts"; bad = 1 } exit bad }' "$F/fonts.txt"
}
check "foundation pdffonts: every font embedded and subset" f_fonts_ok

# pdftotext: the text comes back exactly, with no warning (kaikuprint writes
# its own ToUnicode CMaps, not libharu's with `begincidrange` in them).
pdftotext -enc UTF-8 "$PDF" "$F/text.txt" 2> "$F/pdftotext.log"
check "foundation pdftotext exits 0" test $? -eq 0
check "foundation pdftotext: no warning" test ! -s "$F/pdftotext.log"
# (the phrases from the text in drawing order: pdftotext's default joins a
# line ending in a written hyphen without it, "Meikäläinen-|Esimerkki" ->
# "MeikäläinenEsimerkki"; -raw keeps the hyphen, and the line end is undone)
pdftotext -raw -enc UTF-8 "$PDF" - 2> /dev/null | sed -e ':a' -e 'N' -e '$!ba' -e 's/-\n/-/g' |
	tr -s ' \n\f' '  ' > "$F/text.flat"
for phrase in \
	"Kaikukortti – muistilista kortinjakajille" \
	"Esimerkkilä · Esimerkkilän hyvinvointialue" \
	"Maija Meikäläinen-Esimerkki (maija.meikalainen@example.fi, 040 000 0001)" \
	"Kalle Kulttuuri, kulttuurikoordinaattori" \
	"kalle.kulttuuri@example.fi · 040 000 0002" \
	"Sanna Sosiaali-Åkerlund, sosiaali- ja terveyspalvelujen" \
	"sanna.sosiaali@example.fi · 040 000 0003" \
	"verkkosivulla: https://www.example.fi/kaikukortti" \
	"Päivitetty 1.12.2026" \
	"enintään kokeilun loppuun 31.12.2027" \
	"lapset ja lapsenlapset pääsevät samaan tapahtumaan"; do
	contains "foundation pdftotext has: $phrase" "$F/text.flat" "$phrase"
done
# Every character of every laid-out box comes back, in drawing order.
pdftotext -raw -enc UTF-8 "$F/render.pdf" - 2> /dev/null | tr -d ' \n\t\f' > "$F/raw.chars"
grep '^  text' "$F/checklist.dump" | grep -v '^  text\[hyphen\]' | sed 's/^[^"]*"//; s/"$//' | tr -d ' \n' > "$F/dump.chars"
check "foundation layout dump has text" test -s "$F/dump.chars"
# The checklist's golden layout dump lives here rather than in a case folder,
# so that the region and template paths stay relative to the repository.
GOLDEN_CHECKLIST=tests/cases/foundation/checklist.dump
[ "${UPDATE_GOLDEN:-0}" = 1 ] && cp "$F/checklist.dump" "$GOLDEN_CHECKLIST"
same_file "foundation golden dump of the example checklist" "$GOLDEN_CHECKLIST" "$F/checklist.dump"
same_file "foundation pdftotext -raw equals the layout dump's text" "$F/dump.chars" "$F/raw.chars"

pdfinfo "$PDF" > "$F/info.txt" 2> /dev/null
contains "foundation pdfinfo title" "$F/info.txt" "Title:           Kaikukortti – muistilista kortinjakajille"
contains "foundation pdfinfo subject" "$F/info.txt" "Subject:         Esimerkkilä: Kaikukortin myöntäminen"
contains "foundation pdfinfo author" "$F/info.txt" "Author:          Esimerkkilän hyvinvointialue"
contains "foundation pdfinfo creator" "$F/info.txt" "Creator:         kaikuprint"
contains "foundation pdfinfo A4" "$F/info.txt" "(A4)"

# --- output safety ----------------------------------------------------------
"$KP" render -c "$REGION" -t templates/checklist.xml -o - > "$F/stdout.pdf" 2> /dev/null
check "foundation -o - exits 0" test $? -eq 0
check "foundation -o - writes a PDF to stdout" qpdf --check "$F/stdout.pdf"
check "foundation -o - creates no file named -" test ! -e ./-

mkdir -p "$F/keep"
cp "$PDF" "$F/keep/old.pdf"
cp "$PDF" "$F/keep/expected.pdf"
"$KP" render -c "$REGION" -t tests/cases/foundation/bad-unknown-variable/template.xml \
	-o "$F/keep/old.pdf" 2> /dev/null
check "foundation failing render exits 1" test $? -eq 1
check "foundation failing render leaves the old file untouched" cmp "$F/keep/expected.pdf" "$F/keep/old.pdf"
check "foundation failing render leaves no temporary file" test "$(ls -A "$F/keep" | wc -l)" -eq 2
"$KP" render -c tests/cases/foundation/bad-missing-glyph/region.ini -t templates/checklist.xml \
	-o "$F/keep/new.pdf" 2> /dev/null
check "foundation missing glyph exits 1 and writes nothing" test $? -eq 1 -a ! -e "$F/keep/new.pdf"

# --- check lists every problem ----------------------------------------------
sed -e 's/^year = .*/year = 1999/' -e 's/^trial_end = .*/trial_end = 2026-02-30/' \
	-e 's/^feedback_email = .*/feedback_email = kaikukortti.example.fi/' "$REGION" > "$F/three.ini"
"$KP" check -c "$F/three.ini" 2> "$F/three.log"
check "foundation check with 3 config errors exits 1" test $? -eq 1
check "foundation check prints exactly 3 lines" test "$(wc -l < "$F/three.log")" -eq 3
contains "foundation check reports year" "$F/three.log" "[region] year: error: number out of range: 1999"
contains "foundation check reports trial_end" "$F/three.log" "[region] trial_end: error: not a date (YYYY-MM-DD): 2026-02-30"
contains "foundation check reports feedback_email" "$F/three.log" "[region] feedback_email: error: not an e-mail address: kaikukortti.example.fi"
"$KP" check -c "$REGION" > "$F/check.out" 2>&1
check "foundation check of the example region exits 0" test $? -eq 0
"$KP" check -c "$REGION" -t tests/cases/foundation/bad-unknown-variable/template.xml 2> "$F/checkt.log"
check "foundation check -t reports template errors" test $? -eq 1 -a "$(grep -c 'error: unknown variable' "$F/checkt.log")" -ge 2

# --- command line -------------------------------------------------------------
"$KP" --help > "$F/help.txt"
check "foundation --help exits 0" test $? -eq 0
contains "foundation --help lists exit codes" "$F/help.txt" "Exit status: 0"
"$KP" --version > "$F/version.txt"
check "foundation --version" grep -q '^kaikuprint [0-9]' "$F/version.txt"
"$KP" > /dev/null 2>&1
check "foundation no command exits 2" test $? -eq 2
"$KP" render -c "$REGION" -t templates/checklist.xml --no-such-option > /dev/null 2>&1
check "foundation unknown option exits 2" test $? -eq 2
"$KP" render -c "$REGION" -t templates/checklist.xml --fonts "$F/no-fonts" -o "$F/nf.pdf" 2> "$F/nofonts.log"
check "foundation missing font folder exits 3" test $? -eq 3 -a ! -e "$F/nf.pdf"
f_make_runs_deps_first() {
	# (under `make test` itself, make also prints "make[1]: Entering directory")
	make -n run > "$F/make-n-run.txt" 2>&1 && make -n test > "$F/make-n-test.txt" 2>&1 &&
		grep -v '^make' "$F/make-n-run.txt" | head -1 | grep -q '^sh .ci/install-deps$' &&
		grep -v '^make' "$F/make-n-test.txt" | head -1 | grep -q '^sh .ci/install-deps$'
}
check "foundation make run and make test install dependencies first" f_make_runs_deps_first

# --- make install / uninstall, in a copy of the tree ---------------------------
# A copy, so that building with another PREFIX never touches the shared build.
SRC="$F/tree"
mkdir -p "$SRC"
cp -r Makefile src templates fonts kaikuprint.1 "$SRC"/
ROOT="$F/root"
f_install() { make -s -C "$SRC" -j4 install DESTDIR="$ROOT" PREFIX=/usr > "$F/install.log" 2>&1; }
check "foundation make install DESTDIR PREFIX=/usr" f_install
IKP="$ROOT/usr/bin/kaikuprint"
check "foundation installed binary" test -x "$IKP"
check "foundation installed man page" test -s "$ROOT/usr/share/man/man1/kaikuprint.1"
check "foundation installed schema" test -s "$ROOT/usr/share/kaikuprint/templates/kaikuprint.rng"
check "foundation installed fonts and licence" test -s "$ROOT/usr/share/kaikuprint/fonts/NotoSans-Regular.ttf" -a -s "$ROOT/usr/share/kaikuprint/fonts/OFL.txt"
ABS_REGION="$(pwd)/$REGION"
mkdir -p "$F/elsewhere"
( cd "$F/elsewhere" && "$IKP" all -q -c "$ABS_REGION" -o . ) > "$F/inst-run.log" 2>&1
check "foundation installed binary renders from another folder" qpdf --check "$F/elsewhere/checklist-fi.pdf"
# --templates overrides: a folder with its own checklist.xml and schema.
mkdir -p "$F/mytemplates" "$F/mine"
cp templates/kaikuprint.rng "$F/mytemplates/"
cat > "$F/mytemplates/checklist.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<document name="checklist"><body><p>Oma pohja: {region.name}</p></body></document>
EOF
( cd "$F/elsewhere" && "$IKP" all -q -c "$ABS_REGION" --templates "$F/mytemplates" -o "$F/mine" ) > /dev/null 2>&1
pdftotext "$F/mine/checklist-fi.pdf" - 2> /dev/null | grep -q "Oma pohja: Esimerkkilä"
check "foundation --templates overrides the installed templates" test $? -eq 0
( cd "$F/elsewhere" && "$IKP" render -c "$ABS_REGION" -t "$F/mytemplates/checklist.xml" \
	--fonts "$F/no-fonts" -o "$F/mine/nf.pdf" ) 2> "$F/inst-nofonts.log"
check "foundation --fonts overrides the installed fonts" grep -q "$F/no-fonts/NotoSans" "$F/inst-nofonts.log"
f_uninstall() { make -s -C "$SRC" uninstall DESTDIR="$ROOT" PREFIX=/usr > "$F/uninstall.log" 2>&1; }
check "foundation make uninstall" f_uninstall
check "foundation make uninstall removes every file" test "$(find "$ROOT" -type f | wc -l)" -eq 0
# Without DESTDIR the compiled-in data folder (from PREFIX) is used, even when
# the binary is copied away from PREFIX/bin.
PFX="$F/prefix"
f_install_prefix() { make -s -C "$SRC" -j4 install PREFIX="$PFX" > "$F/install2.log" 2>&1; }
check "foundation make install PREFIX=folder" f_install_prefix
mkdir -p "$F/moved"
cp "$PFX/bin/kaikuprint" "$F/moved/kaikuprint"
( cd "$F/elsewhere" && rm -f checklist-fi.pdf && "$F/moved/kaikuprint" all -q -c "$ABS_REGION" -o . ) > /dev/null 2>&1
check "foundation binary finds PREFIX/share/kaikuprint compiled in" test -s "$F/elsewhere/checklist-fi.pdf"
make -s -C "$SRC" uninstall PREFIX="$PFX" > /dev/null 2>&1
check "foundation make uninstall PREFIX=folder removes every file" test "$(find "$PFX" -type f | wc -l)" -eq 0

# --- every failing golden case leaves nothing behind, PDF or dump -------------
for dir in tests/cases/foundation/bad-*/; do
	name=$(basename "$dir")
	work="$F/bad/$name"
	mkdir -p "$work"
	cp -r "$dir". "$work"/
	( cd "$work" && rm -f out.pdf layout.dump && eval "\"$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")\" $(cat args)" > /dev/null 2>&1
	  echo $? > status.actual )
	check "foundation $name fails" test "$(cat "$work/status.actual")" -ne 0
	check "foundation $name writes no PDF and no dump" test ! -e "$work/out.pdf" -a ! -e "$work/layout.dump"
done
