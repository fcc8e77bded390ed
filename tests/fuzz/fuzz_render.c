/*
 * libFuzzer target: the whole render from memory. The input is up to three
 * parts separated by lines "--8<--": a region file, a template and card
 * holders (CSV). With one part, it is the template and the region is
 * config/esimerkkila.ini; with two, region and template. Every language of
 * the region is expanded, laid out and written as a layout dump and a PDF to
 * /dev/null (stream mode: nothing is left on disk). The CSV is handed to
 * holders_load through an in-memory file.
 */
#include "config.h"
#include "fileio.h"
#include "fuzz_common.h"
#include "holders.h"
#include "privacy.h"
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define FUZZ_SPLIT "\n--8<--\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config *default_config(void)
{
	static struct config *cfg;
	if (!cfg)
		cfg = config_load("config/esimerkkila.ini");
	if (!cfg) { /* the example region must load: the source tree and build differ */
		fprintf(stderr, "fuzz: config/esimerkkila.ini does not load; rebuild with make fuzz\n");
		abort();
	}
	return cfg;
}

/* Split off the part before the next separator; NULL when there is none. */
static const char *next_part(const char **text, size_t *size, size_t *part_len)
{
	const char *split = memmem(*text, *size, FUZZ_SPLIT, strlen(FUZZ_SPLIT));
	const char *part = *text;
	if (!split)
		return NULL;
	*part_len = (size_t)(split - part);
	*size -= *part_len + strlen(FUZZ_SPLIT);
	*text = split + strlen(FUZZ_SPLIT);
	return part;
}

static struct holders *holders_from_memory(const char *text, size_t len,
					   const struct config *cfg)
{
	char path[64];
	struct holders *h = NULL;
	int fd = memfd_create("fuzz-holders", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (write(fd, text, len) == (ssize_t)len) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		h = holders_load(path, cfg, NULL);
	}
	close(fd);
	return h;
}

/* Where the outputs are written (never renamed into place). */
static const char *out_path(const char *name)
{
	static char dir[64], path[128];
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "%s/kp-fuzz-XXXXXX",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* One language per input (chosen by its size, as is large print): the
 * leaflet with its booklet in three languages took over 30 s under ASan on
 * a busy machine. */
static void render_one_language(const struct config *cfg, const struct template *t,
				const struct holders *h, size_t size)
{
	char pdf[128], dump[128];
	int l = (int)(size % (size_t)cfg->n_languages);
	struct render_options ro = { .lang = cfg->languages[l],
				     .large_print = (int)(size / (size_t)cfg->n_languages % 2),
				     .fonts_dir = FUZZ_FONTS, .pdf_path = pdf, .dump_path = dump,
				     .holders = h };
	snprintf(pdf, sizeof(pdf), "%s", out_path("x.pdf"));
	snprintf(dump, sizeof(dump), "%s", out_path("x.dump"));
	output_batch_begin();
	render_document(cfg, t, &ro);
	output_batch_end(0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *region, *tmpl;
	size_t region_len = 0, tmpl_len = 0;
	struct config *own = NULL;
	struct holders *h = NULL;
	const struct config *cfg;
	struct template *t = NULL;

	/* no schema: render relies on template_check.c alone, so the fuzzer
	 * feeds the layout whatever that check lets through */
	cfg = default_config();
	fuzz_quiet_diagnostics();
	region = next_part(&text, &size, &region_len);
	if (region) {
		own = config_load_text("fuzz.ini", region, region_len);
		if (!own)
			return 0;
		cfg = own;
	}
	tmpl = next_part(&text, &size, &tmpl_len);
	if (tmpl) { /* three parts: the rest is the CSV */
		h = holders_from_memory(text, size, cfg);
	} else {
		tmpl = text;
		tmpl_len = size;
	}
	/* Bad holders stop the command line before any template is read. */
	if (h || tmpl == text)
		t = template_load_text("fuzz.xml", tmpl, tmpl_len);
	if (t && privacy_check(t) != 0) { /* as render_load_template does */
		template_free(t);
		t = NULL;
	}
	if (t)
		render_one_language(cfg, t, h, tmpl_len);
	template_free(t);
	holders_free(h);
	config_free(own);
	return 0;
}
