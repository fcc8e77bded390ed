/* serve_docs: the documents of the region: the list page, PDF downloads and
 * SVG previews of each page. What one document in one language and size
 * renders to is kept (pages, PDF bytes, messages) until the region file
 * changes; holder lists never come here (serve_cards.c). */
#include "serve_internal.h"
#include "diag.h"
#include "pdf.h"
#include "render.h"
#include "svg.h"

#include <stdlib.h>
#include <string.h>

/* One rendered variant: document, language, print size, booklet or not,
 * office or print shop. */
struct rendered {
	int doc, large, booklet, press;
	char lang[3];
	struct pages *pages;      /* NULL when it failed: MESSAGES say why */
	unsigned char *pdf;
	size_t pdf_len;
	char *messages;
	char **svg;               /* each page's SVG for a preview, made once */
	size_t *svg_len;
	struct rendered *next;
};

static struct rendered *cache;

/* What a URL asks for:
 * ?doc=NAME&lang=LL[&print=large][&variant=booklet][&press=yes][&page=N] */
struct wanted {
	int doc, large, booklet, press, page;
	char lang[3];
};

void serve_docs_forget(void)
{
	while (cache) {
		struct rendered *next = cache->next;
		for (int i = 0; cache->svg && i < cache->pages->n_pages; i++)
			free(cache->svg[i]);
		free(cache->svg);
		free(cache->svg_len);
		if (cache->pages)
			pages_free(cache->pages);
		free(cache->pdf);
		free(cache->messages);
		free(cache);
		cache = next;
	}
}

/* Diagnostics go into a string while the lock is held. */
static FILE *capture_begin(char **buf, size_t *len)
{
	FILE *out = open_memstream(buf, len);
	diag_reset();
	diag_set_stream(out);
	return out;
}

static char *capture_end(FILE *out, char **buf)
{
	diag_set_stream(NULL);
	fclose(out);
	return *buf;
}

static struct rendered *render_variant(const struct wanted *w)
{
	struct rendered *v = xcalloc(1, sizeof(*v));
	struct render_options ro;
	size_t len;
	FILE *msgs = capture_begin(&v->messages, &len);
	memset(&ro, 0, sizeof(ro));
	ro.lang = w->lang;
	ro.large_print = w->large;
	ro.fonts_dir = serve.opt.fonts_dir;
	ro.press = w->press;
	v->doc = w->doc;
	v->large = w->large;
	v->booklet = w->booklet;
	v->press = w->press;
	memcpy(v->lang, w->lang, sizeof(v->lang));
	v->pages = render_pages(serve.cfg, serve.templates[w->doc], &ro, w->booklet);
	if (v->pages && diag_error_count() == 0 &&
	    pdf_render(v->pages, serve.doc_names[w->doc], &v->pdf, &v->pdf_len) != 0)
		v->pdf = NULL;
	capture_end(msgs, &v->messages);
	if (v->pages && !v->pdf) {
		pages_free(v->pages);
		v->pages = NULL;
	}
	v->next = cache;
	cache = v;
	return v;
}

/* The variant W, rendered now or before; call with the lock held. */
static struct rendered *rendered(const struct wanted *w)
{
	for (struct rendered *v = cache; v; v = v->next)
		if (v->doc == w->doc && v->large == w->large && v->booklet == w->booklet &&
		    v->press == w->press && strcmp(v->lang, w->lang) == 0)
			return v;
	return render_variant(w);
}

/* The documents a print shop prints (as make run makes them): the leaflet
 * with its booklet and the card inserts; the others come from an office
 * printer. */
static int has_press(int doc)
{
	return strcmp(serve.doc_names[doc], "leaflet") == 0 ||
	       strcmp(serve.doc_names[doc], "card-inserts") == 0;
}

/* Read the query into W; answers 400/404 itself and returns -1. */
static int parse_wanted(struct serve_request *r, struct wanted *w, int with_page)
{
	const char *doc = serve_arg(r, "doc"), *lang = serve_arg(r, "lang");
	const char *print = serve_arg(r, "print"), *variant = serve_arg(r, "variant");
	const char *page = serve_arg(r, "page"), *press = serve_arg(r, "press");
	char *end;
	memset(w, 0, sizeof(*w));
	w->doc = -1;
	for (int i = 0; doc && i < serve.n_docs; i++)
		if (strcmp(serve.doc_names[i], doc) == 0)
			w->doc = i;
	if (w->doc < 0 || !lang || !config_has_language(serve.cfg, lang)) {
		serve_error(r, MHD_HTTP_NOT_FOUND, "error.no_document");
		return -1;
	}
	snprintf(w->lang, sizeof(w->lang), "%s", lang);
	w->large = print && strcmp(print, "large") == 0;
	w->booklet = variant && strcmp(variant, "booklet") == 0;
	w->press = press && strcmp(press, "yes") == 0;
	w->page = 1;
	if (with_page && page) {
		long n = strtol(page, &end, 10);
		w->page = *end || n < 1 || n > 9999 ? 0 : (int)n;
	}
	if ((print && !w->large && strcmp(print, "normal") != 0) ||
	    (variant && !w->booklet) || (press && !w->press) || w->page == 0) {
		serve_error(r, MHD_HTTP_BAD_REQUEST, "error.bad_query");
		return -1;
	}
	if ((w->booklet && !serve.has_booklet[w->doc]) || (w->press && !has_press(w->doc))) {
		serve_error(r, MHD_HTTP_NOT_FOUND, "error.no_document");
		return -1;
	}
	return 0;
}

static void put_query(FILE *out, const struct wanted *w, int page)
{
	fprintf(out, "doc=%s&amp;lang=%s", serve.doc_names[w->doc], w->lang);
	if (w->large)
		fputs("&amp;print=large", out);
	if (w->booklet)
		fputs("&amp;variant=booklet", out);
	if (w->press)
		fputs("&amp;press=yes", out);
	if (page)
		fprintf(out, "&amp;page=%d", page);
}

/* ", " and the UI string KEY with its first letter small (all of them
 * begin with an ASCII letter): "Leaflet, large print". */
static void put_part(FILE *out, const char *ui, const char *key)
{
	const char *text = serve_text(ui, key);
	fputs(", ", out);
	if (*text >= 'A' && *text <= 'Z') {
		fputc(*text - 'A' + 'a', out);
		text++;
	}
	serve_put_escaped(out, text);
}

/* "Leaflet, large print, folded booklet, for a print shop (Swedish)" */
static void put_title(FILE *out, const char *ui, const struct wanted *w)
{
	char key[64];
	snprintf(key, sizeof(key), "doc.%s", serve.doc_names[w->doc]);
	serve_put_escaped(out, serve_text(ui, key));
	if (w->large)
		put_part(out, ui, "print.large");
	if (w->booklet)
		put_part(out, ui, "variant.booklet");
	if (w->press)
		put_part(out, ui, "variant.press");
	snprintf(key, sizeof(key), "lang.%s", w->lang);
	fputs(" (", out);
	serve_put_escaped(out, serve_text(ui, key));
	fputs(")", out);
}

static void put_messages(FILE *out, const char *messages)
{
	const char *p = messages;
	if (!p || !*p)
		return;
	fputs("<ul class=\"messages\">\n", out);
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (strncmp(p, "kaikuprint: ", 12) == 0) {
			p += 12;
			n -= 12;
		}
		fputs("<li>", out);
		{
			char *line = xstrndup(p, n);
			serve_put_escaped(out, line);
			free(line);
		}
		fputs("</li>\n", out);
		p += n;
		if (*p)
			p++;
	}
	fputs("</ul>\n", out);
}

/* Cards are not set larger (their size is fixed): no large print for them. */
static int has_large_print(int doc)
{
	return strcmp(serve.doc_names[doc], "card-inserts") != 0;
}

/* One cell: the preview and PDF links of variant W. */
static void put_variant_cell(FILE *out, const char *ui, const struct wanted *w)
{
	fputs("<td><a href=\"/preview?", out);
	put_query(out, w, 0);
	fputs("\">", out);
	serve_put_escaped(out, serve_text(ui, "action.preview"));
	fputs("</a> <a class=\"pdf\" href=\"/pdf?", out);
	put_query(out, w, 0);
	fputs("\">", out);
	serve_put_escaped(out, serve_text(ui, "action.pdf"));
	fputs("</a></td>", out);
}

/* A row of the table: the variant LABEL_KEY (large, booklet, press as
 * given) in every language of the region. */
static void put_variant_row(FILE *out, const char *ui, int doc, int large, int booklet, int press,
			    const char *label_key)
{
	fputs("<tr><th scope=\"row\">", out);
	serve_put_escaped(out, serve_text(ui, label_key));
	fputs("</th>", out);
	for (int l = 0; l < serve.cfg->n_languages; l++) {
		struct wanted w = { doc, large, booklet, press, 0, { 0 } };
		memcpy(w.lang, serve.cfg->languages[l], sizeof(w.lang));
		put_variant_cell(out, ui, &w);
	}
	fputs("</tr>\n", out);
}

/* A document: a table of its variants (rows) in the region's languages
 * (columns). */
static void put_document(FILE *out, const char *ui, int doc)
{
	char key[64];
	snprintf(key, sizeof(key), "doc.%s", serve.doc_names[doc]);
	fprintf(out, "<section class=\"document\" id=\"doc-%s\">\n<h2>", serve.doc_names[doc]);
	serve_put_escaped(out, serve_text(ui, key));
	fputs("</h2>\n<p>", out);
	snprintf(key, sizeof(key), "about.%s", serve.doc_names[doc]);
	serve_put_escaped(out, serve_text(ui, key));
	fputs("</p>\n<table class=\"variants\">\n<thead><tr><td></td>", out);
	for (int l = 0; l < serve.cfg->n_languages; l++) {
		snprintf(key, sizeof(key), "lang.%s", serve.cfg->languages[l]);
		fputs("<th scope=\"col\">", out);
		serve_put_escaped(out, serve_text(ui, key));
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	put_variant_row(out, ui, doc, 0, 0, 0, "print.normal");
	if (has_large_print(doc))
		put_variant_row(out, ui, doc, 1, 0, 0, "print.large");
	if (serve.has_booklet[doc])
		put_variant_row(out, ui, doc, 0, 1, 0, "variant.booklet");
	if (has_press(doc))
		put_variant_row(out, ui, doc, 0, 0, 1, "variant.press");
	if (has_press(doc) && serve.has_booklet[doc])
		put_variant_row(out, ui, doc, 0, 1, 1, "variant.booklet_press");
	fputs("</tbody>\n</table>\n</section>\n", out);
}

enum MHD_Result serve_docs_index(struct serve_request *r)
{
	char *list, *html;
	size_t len;
	FILE *out;
	if (serve_take_lock() != 0)
		return serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
	out = open_memstream(&list, &len);
	for (int i = 0; i < serve.n_docs; i++)
		put_document(out, r->ui, i);
	fclose(out);
	serve_release_lock();
	{
		const char *vals[] = { "documents", list, NULL };
		out = open_memstream(&html, &len);
		serve_web_page(out, r->ui, "docs", vals);
		fclose(out);
	}
	free(list);
	return serve_page(r, MHD_HTTP_OK, serve_text(r->ui, "nav.documents"), html);
}

/* The rendered variant or an error page (which needs no lock). */
static struct rendered *take_rendered(struct serve_request *r, struct wanted *w, int with_page,
				      enum MHD_Result *answered)
{
	struct rendered *v;
	if (serve_take_lock() != 0) {
		*answered = serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
		return NULL;
	}
	if (parse_wanted(r, w, with_page) != 0) {
		serve_release_lock();
		*answered = MHD_YES;
		return NULL;
	}
	v = rendered(w);
	if (!v->pages) {
		char *html;
		size_t len;
		FILE *out = open_memstream(&html, &len);
		fprintf(out, "<h1>%s</h1>\n", serve_text(r->ui, "error.render"));
		put_messages(out, v->messages);
		fclose(out);
		serve_release_lock();
		*answered = serve_page(r, MHD_HTTP_UNPROCESSABLE_CONTENT,
				       serve_text(r->ui, "error.render"), html);
		return NULL;
	}
	if (with_page && w->page > v->pages->n_pages) {
		serve_release_lock();
		*answered = serve_error(r, MHD_HTTP_NOT_FOUND, "error.no_page");
		return NULL;
	}
	return v;
}

enum MHD_Result serve_docs_pdf(struct serve_request *r)
{
	struct wanted w;
	enum MHD_Result answered;
	struct rendered *v = take_rendered(r, &w, 0, &answered);
	char disposition[160];
	unsigned char *copy;
	size_t len;
	if (!v)
		return answered;
	len = v->pdf_len;
	copy = xmalloc(len);
	memcpy(copy, v->pdf, len);
	serve_release_lock();
	snprintf(disposition, sizeof(disposition), "attachment; filename=\"%s%s%s%s-%s.pdf\"",
		 serve.doc_names[w.doc], w.large ? "-large" : "", w.booklet ? "-booklet" : "",
		 w.press ? "-press" : "", w.lang);
	return serve_respond(r, MHD_HTTP_OK, "application/pdf", copy, len, 1, disposition);
}

/* Page PAGE's SVG, made once; with PROLOG, as a file on its own (the XML
 * declaration and the fonts' stylesheet first). Returns a copy. */
static char *page_svg(struct rendered *v, int page, int prolog, size_t *len)
{
	char *svg;
	FILE *out;
	if (!v->svg) {
		v->svg = xcalloc((size_t)v->pages->n_pages, sizeof(*v->svg));
		v->svg_len = xcalloc((size_t)v->pages->n_pages, sizeof(*v->svg_len));
	}
	if (!v->svg[page - 1]) {
		out = open_memstream(&v->svg[page - 1], &v->svg_len[page - 1]);
		svg_write_page(v->pages, page - 1, NULL, out);
		fclose(out);
	}
	out = open_memstream(&svg, len);
	if (prolog)
		svg_write_prolog("/static/fonts.css", out);
	fwrite(v->svg[page - 1], 1, v->svg_len[page - 1], out);
	fclose(out);
	return svg;
}

enum MHD_Result serve_docs_svg(struct serve_request *r)
{
	struct wanted w;
	enum MHD_Result answered;
	struct rendered *v = take_rendered(r, &w, 1, &answered);
	char *svg;
	size_t len;
	if (!v)
		return answered;
	svg = page_svg(v, w.page, 1, &len);
	serve_release_lock();
	return serve_respond(r, MHD_HTTP_OK, "image/svg+xml; charset=utf-8", svg, len, 1, NULL);
}

static void put_page_nav(FILE *out, const char *ui, const struct wanted *w, int n_pages)
{
	fputs("<nav class=\"pages\">", out);
	if (w->page > 1) {
		fputs("<a rel=\"prev\" href=\"/preview?", out);
		put_query(out, w, w->page - 1);
		fprintf(out, "\">%s</a> ", serve_text(ui, "action.previous"));
	}
	fprintf(out, "<span class=\"page-number\">%s %d / %d</span>", serve_text(ui, "label.page"),
		w->page, n_pages);
	if (w->page < n_pages) {
		fputs(" <a rel=\"next\" href=\"/preview?", out);
		put_query(out, w, w->page + 1);
		fprintf(out, "\">%s</a>", serve_text(ui, "action.next"));
	}
	fputs("</nav>\n", out);
}

enum MHD_Result serve_docs_preview(struct serve_request *r)
{
	struct wanted w;
	enum MHD_Result answered;
	struct rendered *v = take_rendered(r, &w, 1, &answered);
	char *title, *nav, *svg, *download, *messages, *html;
	size_t len;
	FILE *out;
	if (!v)
		return answered;
	out = open_memstream(&title, &len);
	put_title(out, r->ui, &w);
	fclose(out);
	out = open_memstream(&nav, &len);
	put_page_nav(out, r->ui, &w, v->pages->n_pages);
	fclose(out);
	out = open_memstream(&download, &len);
	put_query(out, &w, 0);
	fclose(out);
	out = open_memstream(&messages, &len);
	put_messages(out, v->messages);
	fclose(out);
	svg = page_svg(v, w.page, 0, &len);
	serve_release_lock();
	{
		const char *vals[] = { "title", title, "nav", nav, "query", download, "svg", svg,
				       "messages", messages, NULL };
		out = open_memstream(&html, &len);
		serve_web_page(out, r->ui, "preview", vals);
		fclose(out);
	}
	free(nav);
	free(download);
	free(messages);
	free(svg);
	{
		enum MHD_Result ok;
		char *plain = xstrdup(serve_text(r->ui, "nav.preview"));
		ok = serve_page(r, MHD_HTTP_OK, plain, html);
		free(plain);
		free(title);
		return ok;
	}
}
