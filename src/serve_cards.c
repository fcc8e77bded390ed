/* serve_cards: card sheets from an uploaded holder list. The list and the
 * cards made from it live only in this request's memory: never written to
 * disk (no temporary file either: the PDF is made in memory), never logged,
 * never cached (Cache-Control: no-store), wiped when the request ends
 * (serve.c). Problems name rows by number only, as on the command line. */
#include "serve_internal.h"
#include "diag.h"
#include "holders.h"
#include "msg.h"
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

/* The name the list has in messages; never the uploaded file's own name. */
static const char list_name[] = "holders.csv";

/* A batch is laid out whole in memory here (the command line goes a sheet
 * at a time): larger ones are for kaikuprint render --data. */
enum { CARDS_MAX_ROWS = 2000 };

static int cards_doc(void)
{
	for (int i = 0; i < serve.n_docs; i++)
		if (strcmp(serve.doc_names[i], "card-inserts") == 0)
			return i;
	return -1;
}

/* One problem as a list item: "kaikuprint: holders.csv:3: error: TEXT"
 * becomes "Row 3: TEXT" in the page's language (the row's number is the
 * file's line, as a spreadsheet counts it). */
static void put_problem(FILE *out, const char *ui, const char *line)
{
	static const char *const levels[] = { "error: ", "warning: " };
	size_t n = strlen(list_name);
	char *end;
	long row = 0;
	if (strncmp(line, "kaikuprint: ", 12) == 0)
		line += 12;
	if (strncmp(line, list_name, n) == 0 && line[n] == ':') {
		line += n + 1;
		row = strtol(line, &end, 10);
		line = row > 0 && *end == ':' ? end + 1 : line;
		line += *line == ' ';
	}
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (strncmp(line, levels[i], strlen(levels[i])) == 0)
			line += strlen(levels[i]);
	fputs("<li>", out);
	if (row > 0) {
		serve_put_escaped(out, serve_text(ui, "cards.row"));
		fprintf(out, " %ld: ", row);
	}
	serve_put_escaped(out, line);
	fputs("</li>\n", out);
}

static enum MHD_Result cards_page(struct serve_request *r, unsigned status, const char *messages)
{
	char *form, *html, today[48];
	size_t len;
	FILE *out = open_memstream(&form, &len);
	if (messages) {
		const char *p = messages;
		fprintf(out, "<div class=\"messages\" id=\"problems\">\n<p class=\"problem\">%s</p>\n<ul>\n",
			serve_text(r->ui, "cards.problems"));
		while (*p) {
			size_t n = strcspn(p, "\n");
			char *line = xstrndup(p, n);
			put_problem(out, r->ui, line);
			free(line);
			p += n + (p[n] != '\0');
		}
		fputs("</ul>\n</div>\n", out);
	}
	fputs("<form class=\"cards\" method=\"post\" action=\"/cards\" enctype=\"multipart/form-data\">\n", out);
	fprintf(out, "<input type=\"hidden\" name=\"form_token\" value=\"%s\">\n", r->form_token);
	fprintf(out, "<label for=\"holders\">%s</label>\n", serve_text(r->ui, "cards.file"));
	fputs("<input type=\"file\" id=\"holders\" name=\"holders\" accept=\".csv,text/csv\" required>\n", out);
	fprintf(out, "<label for=\"lang\">%s</label>\n<select id=\"lang\" name=\"lang\">\n",
		serve_text(r->ui, "cards.lang"));
	for (int l = 0; l < serve.cfg->n_languages; l++) {
		char key[16];
		snprintf(key, sizeof(key), "lang.%s", serve.cfg->languages[l]);
		fprintf(out, "<option value=\"%s\">%s</option>\n", serve.cfg->languages[l],
			serve_text(r->ui, key));
	}
	fprintf(out, "</select>\n<p><input type=\"checkbox\" id=\"press\" name=\"press\" value=\"yes\"> "
		"<label class=\"check\" for=\"press\">%s</label></p>\n", serve_text(r->ui, "cards.press"));
	fprintf(out, "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		serve_text(r->ui, "cards.make"));
	fclose(out);
	date_format(&serve.cfg->today, r->ui, today, sizeof(today));
	{
		const char *vals[] = { "form", form, "today", today, NULL };
		out = open_memstream(&html, &len);
		serve_web_page(out, r->ui, "cards", vals);
		fclose(out);
	}
	free(form);
	return serve_page(r, status, serve_text(r->ui, "nav.cards"), html);
}

enum MHD_Result serve_cards_get(struct serve_request *r)
{
	enum MHD_Result ok;
	if (serve_take_lock() != 0)
		return serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
	ok = cards_page(r, MHD_HTTP_OK, NULL);
	serve_release_lock();
	return ok;
}

static void wipe_holders(struct holders *hs)
{
	for (int i = 0; hs && i < hs->n; i++)
		explicit_bzero(hs->items[i].name, strlen(hs->items[i].name));
	holders_free(hs);
}

/* The card sheets as PDF bytes (for a print shop with PRESS), or NULL with
 * the messages in *MESSAGES. The list is checked as the command line checks
 * it, against the day of printing (serve_sync_today). */
static unsigned char *make_cards(const struct serve_field *file, const char *lang, int press,
				 const char *lang_of_page, size_t *len, char **messages)
{
	size_t mlen;
	FILE *out = open_memstream(messages, &mlen);
	struct holders *hs;
	unsigned char *pdf = NULL;
	diag_reset();
	diag_set_stream(out);
	msg_set_language(lang_of_page);
	hs = holders_parse(list_name, file->value, file->len, serve.cfg, &serve.cfg->today);
	if (hs && hs->n > CARDS_MAX_ROWS) {
		diag_file(DIAG_ERROR, list_name, 0, 0, msg_tr("more than %d rows; make larger batches "
							      "with kaikuprint render --data"),
			  CARDS_MAX_ROWS);
	} else if (hs) {
		struct render_options ro;
		struct pages *pages;
		memset(&ro, 0, sizeof(ro));
		ro.lang = lang;
		ro.fonts_dir = serve.opt.fonts_dir;
		ro.holders = hs;
		ro.press = press;
		pages = render_pages(serve.cfg, serve.templates[cards_doc()], &ro, 0);
		if (pages && diag_error_count() == 0 && pdf_render(pages, list_name, &pdf, len) != 0)
			pdf = NULL;
		if (pages)
			pages_free(pages);
	}
	wipe_holders(hs);
	msg_set_language(NULL);
	diag_set_stream(NULL);
	fclose(out);
	return pdf;
}

enum MHD_Result serve_cards_post(struct serve_request *r)
{
	const struct serve_field *file = serve_file(r, "holders");
	const char *lang = serve_field(r, "lang"), *press = serve_field(r, "press");
	char *messages = NULL, disposition[96];
	unsigned char *pdf;
	size_t len = 0;
	enum MHD_Result ok;
	if (!file || file->len == 0 || cards_doc() < 0)
		return serve_error(r, MHD_HTTP_BAD_REQUEST, "error.no_file");
	if (serve_take_lock() != 0)
		return serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
	if (!lang || !config_has_language(serve.cfg, lang))
		lang = serve.cfg->languages[0];
	snprintf(disposition, sizeof(disposition), "attachment; filename=\"card-inserts%s-%s.pdf\"",
		 press ? "-press" : "", lang);
	pdf = make_cards(file, lang, press != NULL, r->ui, &len, &messages);
	if (pdf) {
		serve_release_lock();
		free(messages);
		return serve_respond(r, MHD_HTTP_OK, "application/pdf", pdf, len, 1, disposition);
	}
	ok = cards_page(r, MHD_HTTP_UNPROCESSABLE_CONTENT, messages);
	serve_release_lock();
	free(messages);
	return ok;
}
