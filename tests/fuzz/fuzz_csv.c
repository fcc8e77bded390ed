/* libFuzzer target: the CSV reader (libcsv, UTF-8 and size checks). */
#include "csv_data.h"
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table *t;
	fuzz_quiet_diagnostics();
	t = csv_table_parse("fuzz.csv", (const char *)data, size);
	if (t) {
		csv_table_column(t, "name");
		csv_table_free(t);
	}
	return 0;
}
