/* serve_web: the files of templates/web/ read once at start: the page
 * templates (HTML with {{t.KEY}} for a UI string and {{NAME}} for a value
 * made by the server), the UI strings in fi, sv and en (strings.ini), and
 * the few static files and fonts served under fixed routes. */
#include "serve_internal.h"
#include "diag.h"
#include "fileio.h"

#include <iniparser/iniparser.h>
#include <stdlib.h>
#include <string.h>

enum { WEB_MAX_FILE = 2 * 1024 * 1024, MAX_PAGES = 16 };

static struct serve_asset assets[] = {
	{ "/static/style.css", "style.css", "text/css; charset=utf-8", NULL, 0 },
	{ "/static/fonts.css", "fonts.css", "text/css; charset=utf-8", NULL, 0 },
	{ "/static/app.js", "app.js", "text/javascript; charset=utf-8", NULL, 0 },
	{ "/fonts/NotoSans-Regular.ttf", "NotoSans-Regular.ttf", "font/ttf", NULL, 0 },
	{ "/fonts/NotoSans-Bold.ttf", "NotoSans-Bold.ttf", "font/ttf", NULL, 0 },
	{ "/fonts/NotoSans-Italic.ttf", "NotoSans-Italic.ttf", "font/ttf", NULL, 0 },
	{ "/fonts/NotoSans-BoldItalic.ttf", "NotoSans-BoldItalic.ttf", "font/ttf", NULL, 0 },
};
enum { N_ASSETS = sizeof(assets) / sizeof(assets[0]) };

static const char *const page_names[] = { "frame", "docs", "preview", "region", "cards", NULL };
static char *pages[MAX_PAGES];
static dictionary *strings;

static char *read_web(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
		diag_plain(DIAG_ERROR, "the web page folder's name is too long");
		return NULL;
	}
	return file_read_all(path, "web page file", WEB_MAX_FILE, len);
}

int serve_web_load(const char *dir, const char *fonts_dir)
{
	char web[2048], path[4096];
	size_t len;
	if (snprintf(web, sizeof(web), "%s/web", dir) >= (int)sizeof(web)) {
		diag_plain(DIAG_ERROR, "the templates folder's name is too long");
		return -1;
	}
	for (int i = 0; page_names[i]; i++) {
		snprintf(path, sizeof(path), "%s.html", page_names[i]);
		if (!(pages[i] = read_web(web, path, &len)))
			return -1;
	}
	for (int i = 0; i < N_ASSETS; i++) {
		int is_font = strncmp(assets[i].route, "/fonts/", 7) == 0;
		assets[i].data = read_web(is_font ? fonts_dir : web, assets[i].file, &assets[i].len);
		if (!assets[i].data)
			return -1;
	}
	snprintf(path, sizeof(path), "%s/strings.ini", web);
	strings = iniparser_load(path);
	if (!strings) {
		diag_file(DIAG_ERROR, path, 0, 0, "cannot read the page texts");
		return -1;
	}
	return 0;
}

void serve_web_free(void)
{
	for (int i = 0; i < MAX_PAGES; i++) {
		free(pages[i]);
		pages[i] = NULL;
	}
	for (int i = 0; i < N_ASSETS; i++) {
		free(assets[i].data);
		assets[i].data = NULL;
	}
	if (strings)
		iniparser_freedict(strings);
	strings = NULL;
}

const struct serve_asset *serve_web_asset(const char *route)
{
	for (int i = 0; i < N_ASSETS; i++)
		if (assets[i].data && strcmp(assets[i].route, route) == 0)
			return &assets[i];
	return NULL;
}

const char *serve_text(const char *lang, const char *key)
{
	char full[128];
	const char *s;
	snprintf(full, sizeof(full), "%s:%s", lang, key);
	s = strings ? iniparser_getstring(strings, full, NULL) : NULL;
	if (!s) {
		snprintf(full, sizeof(full), "en:%s", key);
		s = strings ? iniparser_getstring(strings, full, NULL) : NULL;
	}
	return s ? s : key;
}

void serve_put_escaped(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: putc(*s, out);
		}
	}
}

static const char *page_text(const char *name)
{
	for (int i = 0; page_names[i]; i++)
		if (strcmp(page_names[i], name) == 0)
			return pages[i];
	return "";
}

static const char *value_of(const char *const *vals, const char *name, size_t n)
{
	for (int i = 0; vals && vals[i]; i += 2)
		if (strlen(vals[i]) == n && strncmp(vals[i], name, n) == 0)
			return vals[i + 1];
	return "";
}

void serve_web_page(FILE *out, const char *lang, const char *name, const char *const *vals)
{
	const char *p = page_text(name), *open;
	while ((open = strstr(p, "{{"))) {
		const char *close = strstr(open, "}}");
		if (!close)
			break;
		fwrite(p, 1, (size_t)(open - p), out);
		open += 2;
		if (strncmp(open, "t.", 2) == 0) {
			char key[96];
			snprintf(key, sizeof(key), "%.*s", (int)(close - open - 2), open + 2);
			serve_put_escaped(out, serve_text(lang, key));
		} else {
			fputs(value_of(vals, open, (size_t)(close - open)), out);
		}
		p = close + 2;
	}
	fputs(p, out);
}

enum MHD_Result serve_page(struct serve_request *r, unsigned status, const char *title,
			   char *main_html)
{
	char *html, *esc;
	size_t len, esc_len;
	FILE *out = open_memstream(&esc, &esc_len);
	serve_put_escaped(out, title);
	fclose(out);
	{
		const char *vals[] = { "lang", r->ui, "title", esc, "main", main_html,
				       "form_token", r->form_token, NULL };
		out = open_memstream(&html, &len);
		serve_web_page(out, r->ui, "frame", vals);
		fclose(out);
	}
	free(esc);
	free(main_html);
	return serve_html(r, status, html, len);
}
