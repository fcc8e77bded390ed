/*
 * fuzz_common: shared set-up for the libFuzzer targets in tests/fuzz/.
 * The targets run from the top of the source tree (make fuzz does that), so
 * the schema and fonts are found by relative paths. Diagnostics go to
 * /dev/null: the fuzzer looks for crashes, leaks and undefined behaviour,
 * not for messages.
 */
#ifndef KP_FUZZ_COMMON_H
#define KP_FUZZ_COMMON_H

#include "diag.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_SCHEMA "templates/kaikuprint.rng"
#define FUZZ_FONTS "fonts"

static inline void fuzz_quiet_diagnostics(void)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	diag_set_stream(sink);
	diag_reset();
}

static inline void fuzz_load_schema(void)
{
	static int loaded;
	if (loaded)
		return;
	if (template_set_schema(FUZZ_SCHEMA) != 0) {
		fprintf(stderr, "fuzz: run from the source tree (no %s)\n", FUZZ_SCHEMA);
		abort();
	}
	loaded = 1;
}

#endif
