/* libFuzzer target: the compactor's reader of libharu's PDF
 * (pdf_compact.c): any bytes, kept or written again, never a crash. */
#include "fuzz_common.h"
#include "pdf_compact.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *out;
	size_t out_n;
	fuzz_quiet_diagnostics();
	if (pdf_compact(data, size, &out, &out_n, NULL) == 0)
		free(out);
	return 0;
}
