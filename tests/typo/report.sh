#!/bin/sh
# Typography report (make typo-report): sets the fixed corpus of
# tests/typo/corpus-{fi,sv,en}.txt (31 paragraphs) in 80 mm justified, 45 mm
# justified and 45 mm ragged-right columns, and measures every layout dump
# with measure.awk: lines, the largest inter-word space as drawn (x the
# font's natural space), loose lines (a space over 1.5x, or a justified line
# that ends short of the column), places with more than two hyphenated lines
# in a row, overfull lines (past the column, or warned about), and the
# largest letter spacing and font expansion used.
# Targets, for each of the three groups: no overfull line, never more than
# two hyphens in a row, loose lines under 2 % of the group's lines.
# Exits 1 when a target is missed.
# Usage: sh tests/typo/report.sh [WORKDIR]   (KP=path/to/kaikuprint)
cd "$(dirname "$0")/../.." || exit 2
KP=${KP:-./kaikuprint}
KP_ABS=$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")
WORK=${1:-${TMPDIR:-/tmp}/kaikuprint-typo.$$}
mkdir -p "$WORK" || exit 2
SPACE_EM=0.26 # Noto Sans: the space is 260/1000 em

# template LANG MEASURE_MM ALIGN > template.xml (A4, the column centred)
template() {
	margin=$(awk "BEGIN { printf \"%.2f\", (210 - $2) / 2 }")
	if [ "$2" = 45 ]; then size=9pt lead=12pt; else size=10pt lead=13.5pt; fi
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<document name="typo">
  <page size="A4" margin="15mm" margin-left="${margin}mm" margin-right="${margin}mm" page-numbers="no"/>
  <style name="body" size="$size" leading="$lead" space-after="4pt" align="$3"/>
  <body>
XML
	awk -v lang="$1" 'BEGIN { RS = "" } {
		gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/\n/, " ")
		printf "    <p><%s>%s</%s></p>\n", lang, $0, lang }' "tests/typo/corpus-$1.txt"
	echo "  </body>"
	echo "</document>"
}

# measure MEASURE_MM ALIGN: one row per language, then the group's total and
# its targets; returns 1 when a target is missed
measure() {
	m=$1 align=$2 totals="$WORK/$1-$2.totals"
	if [ "$m" = 45 ]; then leading=12; else leading=13.5; fi
	[ "$align" = justify ] && justified=1 || justified=0
	: > "$totals"
	for lang in fi sv en; do
		name="$m-$align-$lang"
		template $lang $m $align > "$WORK/$name.xml"
		if ! "$KP_ABS" render -c tests/typo/region.ini -t "$WORK/$name.xml" -l $lang \
			-o "$WORK/$name.pdf" --dump "$WORK/$name.dump" 2> "$WORK/$name.err"; then
			echo "typo-report: kaikuprint failed on $name:" >&2
			cat "$WORK/$name.err" >&2
			exit 1
		fi
		right=$(awk "BEGIN { printf \"%.4f\", (210 + $m) / 2 * 72 / 25.4 }")
		set -- $(awk -v right="$right" -v space_em=$SPACE_EM -v label="$name" \
			-v leading=$leading -v justified=$justified \
			-f tests/typo/measure.awk "$WORK/$name.dump")
		warned=$(grep -c "overfull line" "$WORK/$name.err")
		over=$(( $6 > warned ? $6 : warned ))
		printf "%-18s %6d %8.2fx %6d %6d %9d %9d %9.3f %7.1f%%\n" "$1" $2 $3 $4 $9 $5 $over \
			$7 "$(awk "BEGIN { print $8 * 100 }")"
		echo "$2 $3 $4 $5 $over" >> "$totals"
	done
	awk -v label="$m mm $align" '{ lines += $1; if ($2 > max) max = $2; loose += $3
		ladders += $4; over += $5 }
	END {
		pct = lines ? 100 * loose / lines : 0
		printf "%-18s %6d %8.2fx %6d   loose %.1f %% of all lines\n", "total", lines, max,
			loose, pct
		bad = over > 0 || ladders > 0 || pct >= 2
		if (over > 0) print "  MISSED (" label "): overfull lines"
		if (ladders > 0) print "  MISSED (" label "): more than two hyphenated lines in a row"
		if (pct >= 2) print "  MISSED (" label "): loose lines not under 2 %"
		if (!bad) print "  " label ": all targets met"
		exit bad
	}' "$totals"
}

header() {
	echo
	echo "$1"
	printf "%-18s %6s %9s %6s %6s %9s %9s %9s %8s\n" column lines "max space" loose short \
		"hyph > 2" overfull "track em" expand
}

status=0
echo "Corpus: tests/typo/corpus-{fi,sv,en}.txt, $(for f in tests/typo/corpus-*.txt; do awk 'BEGIN { RS = "" } END { print NR }' "$f"; done | awk '{ n += $1 } END { print n }') paragraphs, Noto Sans."
echo "Targets, for each group: no overfull line, never more than two hyphenated lines"
echo "in a row, loose lines (a space over 1.5x, or a justified line ending short) under 2 %."
header "80 mm justified, 10/13.5 pt:"
measure 80 justify || status=1
header "45 mm justified, 9/12 pt (about 27 characters a line):"
measure 45 justify || status=1
header "45 mm ragged right, 9/12 pt:"
measure 45 left || status=1
[ -n "$1" ] || rm -rf "$WORK"
exit $status
