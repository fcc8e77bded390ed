# Golden layout dumps and diagnostics for every case under tests/cases/.
for d in $(find tests/cases -name args | sort); do
	run_case "$(dirname "$d")"
done
