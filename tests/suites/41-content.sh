# Document content (issue 12), read back from the PDFs with pdftotext in fi,
# sv and en: every point of the national distributor checklist in the
# checklist, in the source's order (the table in templates/SOURCES.md); the
# blanks filled from the region or left as fill-in lines; the national
# addresses and their override; the region's rule for the paper form; the
# "updated" date; the day of printing of card batches.
T=$OUT/content
mkdir -p "$T"
REGION=config/esimerkkila.ini

# text FILE.pdf: the text on one line, for phrase checks
flat() { pdftotext -q -layout "$1" - | tr '\n\f' '  '; }

# 1. Every source point, in order, in every language.
for l in fi sv en; do
	"$KP" render -c $REGION -t templates/checklist.xml -l $l -o "$T/checklist-$l.pdf" \
		2> "$T/checklist-$l.err"
	pdftotext -q "$T/checklist-$l.pdf" "$T/checklist-$l.txt"
	check "content checklist $l: every point of the source, in its order (SOURCES.md)" \
		python3 - "$l" "$T/checklist-$l.txt" templates/SOURCES.md <<'EOF'
import re, sys
lang, textfile, table = sys.argv[1:]
col = {"fi": 3, "sv": 4, "en": 5}[lang]
def norm(s):
    s = s.replace("\u00ad", "").replace("\u2019", "'").lower()
    return re.sub(r"[\s\-\u2010\u2011]+", "", s)
text = norm(open(textfile, encoding="utf-8").read())
rows = [r.split("|") for r in open(table, encoding="utf-8") if re.match(r"\| M\d+ \|", r)]
ids = [r[1].strip() for r in rows]
if ids != ["M%d" % i for i in range(1, 23)]:
    sys.exit("SOURCES.md must list M1..M22 in order, has %s" % ids)
at = 0
for r in rows:
    for phrase in r[col].split(" + "):
        p = norm(phrase)
        found = text.find(p, at)
        if found < 0:
            where = "at all" if text.find(p) < 0 else "after the point before it"
            sys.exit("%s: '%s' not found %s" % (r[1].strip(), phrase.strip(), where))
        at = found
print("all 22 points in order")
EOF
	check "content checklist $l: renders without warnings" test ! -s "$T/checklist-$l.err"
done
# every item of the checklist has a tick box (an empty square, not a bullet)
"$KP" render -c $REGION -t templates/checklist.xml -l fi -o "$T/c.pdf" --dump "$T/checklist.dump"
check "content checklist: a tick box for every point (22 or more)" \
	test "$(grep -c 'rect\[tick-box\]' "$T/checklist.dump")" -ge 22

# 2. The blanks of the source: filled from the region, else fill-in lines.
grep -v '^contact_name\|^paper_form_after' $REGION > "$T/no-contact.ini"
"$KP" render -c "$T/no-contact.ini" -t templates/checklist.xml -l fi -o "$T/no-contact.pdf" \
	--dump "$T/no-contact.dump" 2> /dev/null
check "content checklist: contact person from the region" \
	sh -c "tr -d ' \n' < '$T/checklist-fi.txt' | grep -q 'yhteyshenkilö:MaijaMeikäläinen-Esimerkki'"
check "content checklist: no contact person, a fill-in line instead" \
	test "$(grep -c 'line\[fill\]' "$T/no-contact.dump")" -gt "$(grep -c 'line\[fill\]' "$T/checklist.dump")"
contains "content checklist: the coordinators from the region" "$T/checklist-fi.txt" "Sanna Sosiaali-Åkerlund"
contains "content checklist: the local web page from the region" "$T/checklist-sv.txt" "https://www.example.fi/kaikukortti/sv"

# 3. National addresses: defaults, and a region file may override them.
contains "content national: Kaikukanta's default address" "$T/checklist-en.txt" "https://kaikukanta.fi/admin"
{ cat $REGION; printf '\n[national]\nweb = https://kaikukortti.example.org\nprivacy_notice_sv = https://kaikukortti.example.org/sv/dataskydd\n'; } > "$T/national.ini"
"$KP" render -c "$T/national.ini" -t templates/checklist.xml -l sv -o "$T/national.pdf"
pdftotext -q "$T/national.pdf" "$T/national.txt"
contains "content national: web overridden" "$T/national.txt" "https://kaikukortti.example.org"
contains "content national: a language's own address" "$T/national.txt" "https://kaikukortti.example.org/sv/dataskydd"
check "content national: the overridden default is gone" \
	sh -c "! tr '\n' ' ' < '$T/national.txt' | grep -q 'kontaktuppgifter: https://www.kaikukortti.fi'"

# 4. What happens to the paper form: the region's rule, else a neutral line.
for doc in checklist registration-form registration-form-sheet; do
	"$KP" render -c "$T/no-contact.ini" -t templates/$doc.xml -l fi -o "$T/$doc-neutral.pdf" 2> /dev/null
	flat "$T/$doc-neutral.pdf" > "$T/$doc-neutral.txt"
	check "content $doc: no rule of its own for the paper form (hävitä)" sh -c "! grep -qi 'hävit' '$T/$doc-neutral.txt'"
	contains "content $doc: the region's coordinator says what happens to the form" "$T/$doc-neutral.txt" "vastuuhenkilö"
done
# (the example region has its own rule)
"$KP" render -c $REGION -t templates/registration-form.xml -l fi -o "$T/form-rule.pdf"
check "content registration-form: the region's own rule for the paper form" \
	sh -c "pdftotext -q '$T/form-rule.pdf' - | tr '\n' ' ' | grep -q 'tietoturvallisesti'"

# 5. The "updated" date: from the region, else the day of printing.
contains "content updated: from [region] updated" "$T/checklist-fi.txt" "Päivitetty 1.12.2026"
grep -v '^updated' $REGION > "$T/no-updated.ini"
"$KP" render -c "$T/no-updated.ini" -t templates/checklist.xml -l en --today 2027-04-09 -o "$T/updated.pdf"
check "content updated: the day of printing when the region gives none" \
	sh -c "pdftotext -q '$T/updated.pdf' - | grep -q 'Updated 9 April 2027'"

# 6. Card batches and the day of printing: the clock when neither --today nor
#    KAIKUPRINT_TODAY is given; a bad --today is a usage error.
printf 'name,issued,children\nFar Future,2099-01-01,0\n' > "$T/future.csv"
grep -v '^trial_end' $REGION > "$T/no-trial.ini"
env -u KAIKUPRINT_TODAY "$KP" render -c "$T/no-trial.ini" -t templates/card-inserts.xml --data "$T/future.csv" \
	-o "$T/future.pdf" 2> "$T/future.err"
check "content today: the clock is the default day of printing" \
	grep -q 'future.csv:2: error: issued 2099-01-01, later than the day of printing' "$T/future.err"
check "content today: nothing written for a future row" test ! -e "$T/future.pdf"
"$KP" render -c $REGION -t templates/card-inserts.xml --data config/esimerkkila-holders.csv \
	--today 2027-13-01 -o "$T/bad-today.pdf" 2> "$T/bad-today.err"
check "content today: --today 2027-13-01 is a usage error" test $? -eq 2
check "content today: the example holders pass on the example's day" "$KP" check -c $REGION \
	-t templates/card-inserts.xml --data config/esimerkkila-holders.csv --today 2027-03-01
