/* dump: see dump.h. Numbers are points with two decimals, y from the top. */
#include "dump.h"
#include "color.h"
#include "diag.h"
#include "fileio.h"
#include "font.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *font_name(const struct font *f)
{
	const char *slash = strrchr(font_path(f), '/');
	return slash ? slash + 1 : font_path(f);
}

/* Print-shop pages: the ink of a box as the PDF gets it, in percent
 * (C/M/Y/K; a filled rectangle's fill). */
static void dump_ink(const struct box *b, FILE *out)
{
	double v[4];
	color_to_cmyk(b->kind == BOX_RECT && b->filled ? &b->fill : &b->color, v);
	fprintf(out, " ink=%.0f/%.0f/%.0f/%.0f", v[0] * 100, v[1] * 100, v[2] * 100, v[3] * 100);
}

static void dump_box(const struct box *b, FILE *out, int press)
{
	static const char *const kinds[] = { "text", "line", "rect", "image" };
	fprintf(out, "  %s", kinds[b->kind]);
	if (b->tag)
		fprintf(out, "[%s]", b->tag);
	fprintf(out, " x=%.2f y=%.2f w=%.2f h=%.2f", b->x, b->y, b->w, b->h);
	if (b->kind == BOX_TEXT) {
		fprintf(out, " font=%s size=%.2f", font_name(b->font), b->size);
		/* letter spacing and font expansion of a justified line, when
		 * they show at the precision printed */
		if (b->char_space >= 0.0005 || b->char_space <= -0.0005)
			fprintf(out, " cs=%.3f", b->char_space);
		if (b->hscale != 0 && (b->hscale >= 1.00005 || b->hscale <= 0.99995))
			fprintf(out, " hs=%.4f", b->hscale);
		/* Names go into the card PDF and nowhere else, not even a dump. */
		if (b->personal)
			fprintf(out, " <personal data, %zu characters>", utf8_length(b->text, b->len));
		else
			fprintf(out, " \"%.*s\"", (int)b->len, b->text);
	} else if (b->kind == BOX_IMAGE)
		fprintf(out, " file=%s", strrchr(b->text, '/') ? strrchr(b->text, '/') + 1 : b->text);
	else
		fprintf(out, " lw=%.2f%s%s", b->line_width, b->filled ? " filled" : "",
			b->stroked ? " stroked" : "");
	if (press && b->kind != BOX_IMAGE)
		dump_ink(b, out);
	fputc('\n', out);
}

static void dump_structure(const struct pages *p, FILE *out);

void dump_pages_from(const struct pages *pages, FILE *out, int first_number)
{
	for (int i = 0; i < pages->n_pages; i++) {
		const struct page *pg = &pages->pages[i];
		fprintf(out, "page %d %.2fx%.2f", first_number + i, pg->width, pg->height);
		if (pg->trim_w > 0)
			fprintf(out, " trim=%.2f,%.2f,%.2fx%.2f bleed=%.2f", pg->trim_x, pg->trim_y,
				pg->trim_w, pg->trim_h, pg->bleed);
		fputc('\n', out);
		for (int j = 0; j < pg->n_boxes; j++)
			if (pg->boxes[j].kind != BOX_GROUP) /* its boxes are on the page too */
				dump_box(&pg->boxes[j], out, pg->trim_w > 0);
	}
	if (pages->tagged && pages->n_elems > 1)
		dump_structure(pages, out);
}

enum { STRUCT_TEXT_MAX = 60 }; /* characters of an element's text shown */

/* The text an element reads as (its own runs, ActualText where set), cut. */
static void element_text(const struct pages *p, int e, FILE *out)
{
	size_t shown = 0;
	int any = 0;
	for (int i = 0; i < p->n_pages; i++)
		for (int j = 0; j < p->pages[i].n_boxes; j++) {
			const struct box *b = &p->pages[i].boxes[j];
			const char *t = b->actual_text ? b->actual_text : b->text;
			size_t len = b->actual_text ? strlen(b->actual_text) : b->len;
			if (b->kind != BOX_TEXT || b->elem != e || len == 0)
				continue;
			fputs(any ? "" : " \"", out);
			any = 1;
			if (b->personal) {
				fputs("<personal data>", out);
				continue;
			}
			for (size_t k = 0, step; k < len; k += step) {
				uint32_t cp;
				step = utf8_decode(t + k, len - k, &cp);
				step = step ? step : 1;
				if (shown++ == STRUCT_TEXT_MAX)
					fputs("...", out);
				if (shown <= STRUCT_TEXT_MAX)
					fwrite(t + k, 1, step, out);
			}
			if (b->space_after && shown++ < STRUCT_TEXT_MAX)
				fputc(' ', out);
		}
	if (any)
		fputc('"', out);
}

static void dump_element(const struct pages *p, const int *first, int e, int depth, FILE *out)
{
	const struct pages_elem *el = &p->elems[e];
	int last = -1;
	fprintf(out, "%*s%s", 2 * depth, "", pages_role_name(el->role));
	if (el->lang)
		fprintf(out, " lang=%s", el->lang);
	if (el->uri)
		fprintf(out, " uri=%s", el->uri);
	if (el->alt)
		fprintf(out, " alt=\"%s\"", el->alt);
	if (el->col_span > 1)
		fprintf(out, " colspan=%d", el->col_span);
	if (e > 0) /* the rest is artifacts */
		element_text(p, e, out);
	fputc('\n', out);
	/* the elements inside, in the order their content is drawn */
	for (;;) {
		int next = -1;
		for (int c = 1; c < p->n_elems; c++)
			if (p->elems[c].parent == e && first[c] > last && first[c] >= 0 &&
			    (next < 0 || first[c] < first[next]))
				next = c;
		if (next < 0)
			break;
		dump_element(p, first, next, depth + 1, out);
		last = first[next];
	}
}

/* The structure tree of tagged pages as the PDF writes it: elements without
 * content left out, each after what is drawn before its first content. */
static void dump_structure(const struct pages *p, FILE *out)
{
	int *first = xmalloc((size_t)(p->n_elems ? p->n_elems : 1) * sizeof(int));
	int seq = 0;
	for (int e = 0; e < p->n_elems; e++)
		first[e] = -1;
	for (int i = 0; i < p->n_pages; i++)
		for (int j = 0; j < p->pages[i].n_boxes; j++, seq++)
			for (int e = p->pages[i].boxes[j].elem; e > 0 && e < p->n_elems && first[e] < 0;
			     e = p->elems[e].parent)
				first[e] = seq;
	fputs("structure\n", out);
	dump_element(p, first, 0, 1, out);
	free(first);
}

void dump_pages(const struct pages *pages, FILE *out)
{
	dump_pages_from(pages, out, 1);
}

/* Write LEN bytes of BUF to PATH atomically. */
static int write_buffer(const char *path, const char *buf, size_t len)
{
	struct output_file *out = output_open(path);
	int rc = -1;
	if (!out)
		return -1;
	rc = output_write(out, buf, len);
	if (rc)
		output_abort(out);
	else
		rc = output_commit(out);
	return rc;
}

struct dump_stream {
	char *path;
	FILE *mem;
	char *buf;
	size_t len;
	int n_pages; /* pages written so far: the next one is numbered n_pages + 1 */
};

struct dump_stream *dump_begin(const char *path)
{
	struct dump_stream *ds = xcalloc(1, sizeof(*ds));
	ds->mem = open_memstream(&ds->buf, &ds->len);
	if (!ds->mem) {
		free(ds);
		diag_file(DIAG_FATAL, path, 0, 0, "cannot write the layout dump (out of memory)");
		return NULL;
	}
	ds->path = xstrdup(path);
	return ds;
}

void dump_add(struct dump_stream *ds, const struct pages *pages)
{
	dump_pages_from(pages, ds->mem, ds->n_pages + 1);
	ds->n_pages += pages->n_pages;
}

static void dump_stream_free(struct dump_stream *ds)
{
	free(ds->buf);
	free(ds->path);
	free(ds);
}

int dump_finish(struct dump_stream *ds)
{
	int rc;
	fclose(ds->mem);
	rc = write_buffer(ds->path, ds->buf, ds->len);
	dump_stream_free(ds);
	return rc;
}

void dump_cancel(struct dump_stream *ds)
{
	if (!ds)
		return;
	fclose(ds->mem);
	dump_stream_free(ds);
}

int dump_write(const struct pages *pages, const char *path)
{
	struct dump_stream *ds = dump_begin(path);
	if (!ds)
		return -1;
	dump_add(ds, pages);
	return dump_finish(ds);
}
