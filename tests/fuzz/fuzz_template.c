/* libFuzzer target: the template parser (precheck, libxml2, RELAX NG). */
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet_diagnostics();
	fuzz_load_schema();
	template_free(template_load_text("fuzz.xml", (const char *)data, size));
	return 0;
}
