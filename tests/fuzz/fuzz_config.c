/* libFuzzer target: the region file parser (ini_scan + iniparser + checks). */
#include "config.h"
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg;
	fuzz_quiet_diagnostics();
	cfg = config_load_text("fuzz.ini", (const char *)data, size);
	if (cfg) {
		/* Exercise the variables every document is expanded with. */
		for (int i = 0; i < cfg->n_languages; i++)
			vars_free(config_vars(cfg, cfg->languages[i]));
		config_free(cfg);
	}
	return 0;
}
