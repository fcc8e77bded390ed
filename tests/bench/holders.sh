#!/bin/sh
# A fictional holder list of N rows for make bench: names built from short
# lists of first names and surnames (with ä, ö, å and hyphens), issue dates
# in December 2026, 0 to 4 children, every 25th row a community card.
# Usage: sh tests/bench/holders.sh N > holders.csv
awk -v n="${1:-1000}" 'BEGIN {
	split("Aino Eero Marja-Liisa Jöns Kristiina Ville Åsa Pekka Sanna Oskari Helmi Väinö", first, " ")
	split("Virtanen Korhonen Väänänen-Åkerström Sjöholm Äijälä Nieminen Mäkinen Lindqvist Hämäläinen Öhman Koskinen Wahlström Heikkinen", last, " ")
	print "issued,name,children,type,organisation"
	for (i = 0; i < n; i++) {
		day = 1 + i % 28
		if (i % 25 == 24)
			printf "2026-12-%02d,,,community,Kulttuuriyhdistys %d\n", day, i
		else
			printf "2026-12-%02d,%s %s,%d,,\n", day, first[1 + i % 12], last[1 + int(i / 12) % 13], i % 5
	}
}'
