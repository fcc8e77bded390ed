/*
 * bare_haru: the benchmark baseline. Reads a kaikuprint layout dump and draws
 * the same boxes straight with libharu (same fonts, one TextOut per text box,
 * no kerning runs), so that `make bench` can compare kaikuprint's whole
 * pipeline with the cost of drawing alone.
 * Usage: bare_haru FONTS_DIR LAYOUT.dump OUT.pdf [LAYOUT.dump OUT.pdf ...]
 * (several documents in one process, as `kaikuprint all` makes them)
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
	if (sscanf(line, " text%*[^ ] x=%lf y=%lf w=%lf h=%lf font=%63s size=%lf", &x, &y, &w, &h,
		   file, &size) != 6 &&
	    sscanf(line, " text x=%lf y=%lf w=%lf h=%lf font=%63s size=%lf", &x, &y, &w, &h, file,
		   &size) != 6)
		return;
	if (!q)
		return;
	len = strlen(q + 1);
	text = strndup(q + 1, len > 1 ? len - 2 : 0); /* drop closing quote and newline */
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

static int draw_document(const char *fonts, const char *dump, const char *out)
{
	struct loaded cache[16];
	int n = 0;
	char line[8192];
	double pw, ph = 0;
	HPDF_Doc pdf;
	HPDF_Page page = NULL;
	FILE *in = fopen(dump, "r");
	if (!in)
		return -1;
	pdf = HPDF_New(on_error, NULL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	while (fgets(line, sizeof(line), in)) {
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
	fclose(in);
	HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4 || argc % 2) {
		fprintf(stderr, "usage: bare_haru FONTS_DIR LAYOUT.dump OUT.pdf [...]\n");
		return 2;
	}
	for (int i = 2; i + 1 < argc; i += 2)
		if (draw_document(argv[1], argv[i], argv[i + 1]) != 0)
			return 1;
	return 0;
}
