/*
 * bare_haru: the benchmark baseline. Reads a kaikuprint layout dump and draws
 * the same boxes straight with libharu (same fonts, one TextOut per text box,
 * no kerning runs), so that `make bench` can compare kaikuprint's whole
 * pipeline with the cost of drawing alone.
 * Usage: bare_haru [-r TIMES] FONTS_DIR LAYOUT.dump OUT.pdf [LAYOUT.dump OUT.pdf ...]
 * (several documents in one process, as `kaikuprint all` makes them).
 * -r draws the pages of each dump TIMES over into its PDF: the floor for a
 * card batch of 100,000 rows from the dump of 1,000 (a dump of the whole
 * batch would be hundreds of megabytes). A holder's name, which a dump
 * never shows, is drawn as that many letters.
 */
#include <hpdf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loaded {
	char name[64];
	HPDF_Font font;
};

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)u;
	fprintf(stderr, "bare_haru: libharu error 0x%04X %u\n", (unsigned)e, (unsigned)d);
	exit(1);
}

static HPDF_Font get_font(HPDF_Doc pdf, const char *dir, const char *file,
			  struct loaded *cache, int *n)
{
	char path[1024];
	const char *name;
	for (int i = 0; i < *n; i++)
		if (strcmp(cache[i].name, file) == 0)
			return cache[i].font;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	snprintf(cache[*n].name, sizeof(cache[*n].name), "%s", file);
	cache[*n].font = HPDF_GetFont(pdf, name, "UTF-8");
	return cache[(*n)++].font;
}

static void draw_text(HPDF_Doc pdf, HPDF_Page page, double ph, const char *line,
		      const char *dir, struct loaded *cache, int *n)
{
	double x, y, w, h, size;
	char file[64];
	const char *q = strchr(line, '"');
	char *text;
	size_t len;
	int personal = 0;
	if (sscanf(line, " text%*[^ ] x=%lf y=%lf w=%lf h=%lf font=%63s size=%lf", &x, &y, &w, &h,
		   file, &size) != 6 &&
	    sscanf(line, " text x=%lf y=%lf w=%lf h=%lf font=%63s size=%lf", &x, &y, &w, &h, file,
		   &size) != 6)
		return;
	if (q) {
		len = strlen(q + 1);
		text = strndup(q + 1, len > 1 ? len - 2 : 0); /* drop closing quote and newline */
	} else if ((q = strstr(line, "<personal data, ")) && sscanf(q, "<personal data, %d", &personal) == 1 &&
		   personal > 0 && personal < 1000) {
		text = malloc((size_t)personal + 1);
		memset(text, 'n', (size_t)personal);
		text[personal] = '\0';
	} else {
		return;
	}
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, get_font(pdf, dir, file, cache, n), (HPDF_REAL)size);
	HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)(ph - y), text);
	HPDF_Page_EndText(page);
	free(text);
}

static void draw_line(HPDF_Page page, double ph, const char *line)
{
	double x, y, w, h, lw;
	const char *p = strstr(line, "x=");
	if (!p || sscanf(p, "x=%lf y=%lf w=%lf h=%lf lw=%lf", &x, &y, &w, &h, &lw) != 5)
		return;
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)lw);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(ph - y));
	HPDF_Page_LineTo(page, (HPDF_REAL)(x + w), (HPDF_REAL)(ph - y - h));
	HPDF_Page_Stroke(page);
}

static void draw_rect(HPDF_Page page, double ph, const char *line)
{
	double x, y, w, h;
	const char *p = strstr(line, "x=");
	if (!p || sscanf(p, "x=%lf y=%lf w=%lf h=%lf", &x, &y, &w, &h) != 4)
		return;
	HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)(ph - y - h), (HPDF_REAL)w, (HPDF_REAL)h);
	if (strstr(line, "filled"))
		HPDF_Page_Fill(page);
	else
		HPDF_Page_Stroke(page);
}

/* The dump's lines, read once: -r draws them again without parsing the file again. */
static char **read_lines(const char *dump, size_t *n)
{
	char line[8192], **lines = NULL;
	size_t cap = 0;
	FILE *in = fopen(dump, "r");
	*n = 0;
	if (!in)
		return NULL;
	while (fgets(line, sizeof(line), in)) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			lines = realloc(lines, cap * sizeof(*lines));
		}
		lines[(*n)++] = strdup(line);
	}
	fclose(in);
	return lines;
}

static int draw_document(const char *fonts, const char *dump, const char *out, int times)
{
	struct loaded cache[16];
	int n = 0;
	size_t n_lines;
	char **lines = read_lines(dump, &n_lines);
	double pw, ph = 0;
	HPDF_Doc pdf;
	HPDF_Page page = NULL;
	if (!lines)
		return -1;
	pdf = HPDF_New(on_error, NULL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	for (int t = 0; t < times; t++) {
		for (size_t i = 0; i < n_lines; i++) {
			const char *line = lines[i];
			if (sscanf(line, "page %*d %lfx%lf", &pw, &ph) == 2) {
				page = HPDF_AddPage(pdf);
				HPDF_Page_SetWidth(page, (HPDF_REAL)pw);
				HPDF_Page_SetHeight(page, (HPDF_REAL)ph);
			} else if (page && strncmp(line, "  text", 6) == 0) {
				draw_text(pdf, page, ph, line, fonts, cache, &n);
			} else if (page && strncmp(line, "  line", 6) == 0) {
				draw_line(page, ph, line);
			} else if (page && strncmp(line, "  rect", 6) == 0) {
				draw_rect(page, ph, line);
			}
		}
	}
	for (size_t i = 0; i < n_lines; i++)
		free(lines[i]);
	free(lines);
	HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
	return 0;
}

int main(int argc, char **argv)
{
	int times = 1, first = 1;
	if (argc > 2 && strcmp(argv[1], "-r") == 0) {
		times = atoi(argv[2]);
		first = 3;
	}
	if (times < 1 || argc - first < 3 || (argc - first) % 2 == 0) {
		fprintf(stderr, "usage: bare_haru [-r TIMES] FONTS_DIR LAYOUT.dump OUT.pdf [...]\n");
		return 2;
	}
	for (int i = first + 1; i + 1 < argc; i += 2)
		if (draw_document(argv[first], argv[i], argv[i + 1], times) != 0)
			return 1;
	return 0;
}
