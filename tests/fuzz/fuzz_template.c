/* libFuzzer target: the template parser (precheck, libxml2, RELAX NG). */
#include "fuzz_common.h"
#include "privacy.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet_diagnostics();
	fuzz_load_schema();
	struct template *t = template_load_text("fuzz.xml", (const char *)data, size);
	if (t)
		privacy_check(t); /* the guard reads every template that loads */
	template_free(t);
	return 0;
}
