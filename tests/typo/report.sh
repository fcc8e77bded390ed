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
		rules "$name" $lang 0 "$WORK/$name.dump" >> "$WORK/rules.txt"
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

# rules LABEL LANG MEASURE DUMP [BODY_SIZE]: one row of rules.awk (findings
# on stderr)
rules() {
	LC_ALL=C awk -v label="$1" -v lang="$2" -v measure="$3" -v listing=1 \
		-v body_size="$5" -v compounds=tests/typo/compounds-fi.txt \
		-v words=src/textnorm_words.def \
		-f tests/typo/rules.awk "$4"
}

# The example region: every document in every language, normal and large
# print; one row of rules.awk each
region_rules() {
	for t in templates/*.xml; do
		doc=$(basename "$t" .xml)
		for lang in fi sv en; do
			for size in normal large; do
				name="$doc-$lang-$size" opt=
				[ $size = large ] && opt=--large-print
				if ! "$KP_ABS" render -c config/esimerkkila.ini -t "$t" -l $lang $opt -q \
					-o "$WORK/$name.pdf" --dump "$WORK/$name.dump" 2> "$WORK/$name.err"; then
					echo "typo-report: kaikuprint failed on $name:" >&2
					cat "$WORK/$name.err" >&2
					exit 1
				fi
				# the measure of body text: checklist and forms, normal print
				# (large print sets fewer characters a line, as it should)
				m=0 body=
				case $doc-$size in
				checklist-normal | registration-form*-normal)
					m=1
					body=$(sed -n 's/.*<style name="body" size="\([0-9.]*\)pt".*/\1/p' "$t")
					;;
				esac
				rules "$name" $lang $m "$WORK/$name.dump" "$body"
			done
		done
	done
}

# rules_table FILE LABEL: the rows, their totals and the targets
rules_table() {
	printf "%-34s %6s %6s %6s %6s %6s %9s %9s %6s %7s\n" document lines short digits units \
		quotes compound syllable "cpl" pageend
	awk -v label="$2" '{
		printf "%-34s %6d %6d %6d %6d %6d %9d %9d %6s %7d\n", $1, $2, $3, $4, $5, $6, $7, $8,
			$10 < 0 ? "-" : $10, $11
		short += $3; digits += $4; units += $5; quotes += $6; comp += $7; syl += $8
		syll += $9; pageend += $11
		if ($10 >= 0 && ($10 < 60 || $10 > 75)) { measure++; bad_measure = bad_measure " " $1 }
	}
	END {
		printf "%-34s %6s %6d %6d %6d %6d %9d %9d %6s %7d\n", "total", "", short, digits, units,
			quotes, comp, syl, "", pageend
		bad = short + digits + units + quotes + syll + measure + pageend > 0
		if (short) print "  MISSED (" label "): fragments under 2 letters before or 3 after a hyphen"
		if (digits) print "  MISSED (" label "): words with digits hyphenated"
		if (units) print "  MISSED (" label "): numbers parted from their units, dates or phone numbers broken"
		if (quotes) print "  MISSED (" label "): straight quotes"
		if (pageend) print "  MISSED (" label "): pages or columns that end in a hyphen"
		if (syll) print "  MISSED (" label "): " syll " syllable breaks in compounds where a boundary of the parts fits"
		if (measure) print "  MISSED (" label "): body text not at 60-75 characters a line:" bad_measure
		if (!bad) print "  " label ": all targets met"
		exit bad
	}' "$1"
}

header() {
	echo
	echo "$1"
	printf "%-18s %6s %9s %6s %6s %9s %9s %9s %8s\n" column lines "max space" loose short \
		"hyph > 2" overfull "track em" expand
}

status=0
: > "$WORK/rules.txt"
echo "Corpus: tests/typo/corpus-{fi,sv,en}.txt, $(for f in tests/typo/corpus-*.txt; do awk 'BEGIN { RS = "" } END { print NR }' "$f"; done | awk '{ n += $1 } END { print n }') paragraphs, Noto Sans."
echo "Targets, for each group: no overfull line, never more than two hyphenated lines"
echo "in a row, loose lines (a space over 1.5x, or a justified line ending short) under 2 %."
header "80 mm justified, 10/13.5 pt:"
measure 80 justify || status=1
header "45 mm justified, 9/12 pt (about 27 characters a line):"
measure 45 justify || status=1
header "45 mm ragged right, 9/12 pt:"
measure 45 left || status=1
echo
echo "Small rules on the corpus (short: fragments under 2 + 3 letters at a hyphen;"
echo "digits: words with digits hyphenated; units: numbers parted from their units,"
echo "dates or phone numbers broken; quotes: straight quotes; compound, syllable: breaks inside"
echo "the words of tests/typo/compounds-fi.txt):"
rules_table "$WORK/rules.txt" "corpus" || status=1
echo
echo "The example region, every document, fi sv en, normal and large print"
echo "(cpl: characters a line of body text, checklist and registration forms):"
region_rules > "$WORK/region-rules.txt" || exit 1
rules_table "$WORK/region-rules.txt" "example region" || status=1
[ -n "$1" ] || rm -rf "$WORK"
exit $status
