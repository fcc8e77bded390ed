/* serve_region: the region editor. Every section of the region file is a
 * fieldset, every key of the config specification (config_spec.c) a field,
 * with the translations the region's languages need. A POST carries the text
 * the form was made from ("base"): the changed fields are applied to it by
 * line (ini_edit.c); adding, removing and moving sections change the text
 * shown again, unsaved; saving checks the whole file with config.c and
 * writes it only when there is no error, atomically, the previous version
 * kept beside it as FILE.bak. Problems are shown next to their field in the
 * words `kaikuprint check` uses. */
#include "serve_internal.h"
#include "diag.h"
#include "fileio.h"
#include "ini_edit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { REGION_MAX_BYTES = 256 * 1024 };

/* One message of config checking, by section and key ("" for none). */
struct problem {
	char *section, *key, *text;
};

struct problems {
	struct problem *items;
	int n;
	char *general; /* messages that name no section, one per line */
};

static void problems_free(struct problems *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->items[i].section);
		free(p->items[i].key);
		free(p->items[i].text);
	}
	free(p->items);
	free(p->general);
	memset(p, 0, sizeof(*p));
}

/* "kaikuprint: FILE:LINE: [section] key: error: text" -> section, key, text */
static void add_problem(struct problems *p, const char *line, size_t n)
{
	char *copy = xstrndup(line, n), *open = strstr(copy, ": ["), *close, *rest, *level;
	struct problem *item;
	if (!open || !(close = strstr(open, "] "))) {
		size_t had = p->general ? strlen(p->general) : 0;
		const char *text = strncmp(copy, "kaikuprint: ", 12) == 0 ? copy + 12 : copy;
		p->general = xrealloc(p->general, had + strlen(text) + 2);
		sprintf(p->general + had, "%s\n", text);
		free(copy);
		return;
	}
	p->items = xrealloc(p->items, (size_t)(p->n + 1) * sizeof(*p->items));
	item = &p->items[p->n++];
	item->section = xstrndup(open + 3, (size_t)(close - open - 3));
	rest = close + 2;
	level = strstr(rest, "error: ");
	if (!level)
		level = strstr(rest, "warning: ");
	if (level && level > rest && level[-2] == ':')
		item->key = xstrndup(rest, (size_t)(level - rest - 2));
	else
		item->key = xstrdup("");
	item->text = xstrdup(level ? level : rest);
	free(copy);
}

static void parse_problems(const char *messages, struct problems *p)
{
	memset(p, 0, sizeof(*p));
	while (messages && *messages) {
		size_t n = strcspn(messages, "\n");
		if (n)
			add_problem(p, messages, n);
		messages += n + (messages[n] != '\0');
	}
}

/* Check TEXT as the region file; the messages go into *MESSAGES. Returns the
 * new configuration or NULL. Call with the lock held. */
static struct config *check_text(const char *text, size_t len, char **messages)
{
	size_t mlen;
	FILE *out = open_memstream(messages, &mlen);
	struct config *cfg;
	diag_reset();
	diag_set_stream(out);
	cfg = config_load_text(serve.opt.config_path, text, len);
	diag_set_stream(NULL);
	fclose(out);
	return cfg;
}

/* FNV-1a: tells whether the file changed since the form was made. */
static void text_sum(const char *text, size_t len, char out[17])
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static const struct cfg_section_spec *spec_of(const char *section)
{
	size_t kind = strcspn(section, ".");
	for (int i = 0; config_spec[i].kind; i++)
		if (strlen(config_spec[i].kind) == kind && strncmp(config_spec[i].kind, section, kind) == 0 &&
		    (config_spec[i].is_list == (section[kind] == '.')))
			return &config_spec[i];
	return NULL;
}

struct form {
	FILE *out;
	const char *ui;
	struct ini_doc *doc;
	const struct problems *problems;
	char langs[3][3];   /* the region's languages, from the text shown */
	int n_langs;
	int field_no;
};

static void put_hint(struct form *f, const struct cfg_key_spec *k, int translation)
{
	/* one per enum cfg_type, in its order (config.h) */
	static const char *const type_keys[] = { "hint.text", "hint.int", "hint.date", "hint.url",
						  "hint.email", "hint.phone", "hint.langs", "hint.choice",
						  "hint.hyphens", "hint.image", "hint.color" };
	fputs("<span class=\"hint\">", f->out);
	if ((k->flags & CFG_REQUIRED) && !translation) {
		serve_put_escaped(f->out, serve_text(f->ui, "hint.required"));
		fputs(" · ", f->out);
	}
	if ((size_t)k->type < sizeof(type_keys) / sizeof(type_keys[0]))
		serve_put_escaped(f->out, serve_text(f->ui, type_keys[k->type]));
	if (k->type == CFG_INT)
		fprintf(f->out, " %ld–%ld", k->min, k->max);
	for (int i = 0; k->type == CFG_CHOICE && k->choices && k->choices[i]; i++)
		fprintf(f->out, "%s%s", i ? ", " : " ", k->choices[i]);
	if (k->fallback) {
		fputs(" · ", f->out);
		serve_put_escaped(f->out, serve_text(f->ui, "hint.default"));
		fputs(" ", f->out);
		serve_put_escaped(f->out, k->fallback);
	}
	fputs("</span>\n", f->out);
}

static int put_problems_for(struct form *f, const char *section, const char *key)
{
	int found = 0;
	for (int i = 0; i < f->problems->n; i++) {
		const struct problem *p = &f->problems->items[i];
		if (strcasecmp(p->section, section) != 0 || strcasecmp(p->key, key) != 0)
			continue;
		fputs("<span class=\"problem\">", f->out);
		serve_put_escaped(f->out, p->text);
		fputs("</span>\n", f->out);
		found = 1;
	}
	return found;
}

static int has_problem(const struct form *f, const char *section, const char *key)
{
	for (int i = 0; i < f->problems->n; i++)
		if (strcasecmp(f->problems->items[i].section, section) == 0 &&
		    strcasecmp(f->problems->items[i].key, key) == 0)
			return 1;
	return 0;
}

static void put_field(struct form *f, const char *section, const struct cfg_key_spec *k,
		      const char *lang)
{
	char key[96], label_lang[32], label_key[96];
	char *value;
	int id = ++f->field_no;
	if (lang)
		snprintf(key, sizeof(key), "%s_%s", k->key, lang);
	else
		snprintf(key, sizeof(key), "%s", k->key);
	value = ini_edit_get(f->doc, section, key);
	fprintf(f->out, "<div class=\"field%s\">\n<label for=\"f%d\">",
		has_problem(f, section, key) ? " has-problem" : "", id);
	snprintf(label_key, sizeof(label_key), "key.%s", k->key);
	serve_put_escaped(f->out, serve_text(f->ui, label_key));
	if (lang) {
		snprintf(label_lang, sizeof(label_lang), "lang.%s", lang);
		fputs(" (", f->out);
		serve_put_escaped(f->out, serve_text(f->ui, label_lang));
		fputs(")", f->out);
	}
	fputs(" <code>", f->out); /* the key as in the file and in check's messages */
	serve_put_escaped(f->out, key);
	fprintf(f->out, "</code></label>\n<input id=\"f%d\" name=\"f|", id);
	serve_put_escaped(f->out, section);
	fputs("|", f->out);
	serve_put_escaped(f->out, key);
	fputs("\" value=\"", f->out);
	serve_put_escaped(f->out, value ? value : "");
	fputs("\"", f->out);
	if (lang)
		fprintf(f->out, " lang=\"%s\"", lang);
	fputs(">\n", f->out);
	put_hint(f, k, lang != NULL);
	put_problems_for(f, section, key);
	fputs("</div>\n", f->out);
	free(value);
}

/* Translations shown: the region's languages after the first (the base
 * key holds the first), and any other already in the file. */
static int shows_translation(struct form *f, const char *section, const char *key, const char *lang)
{
	char full[96];
	char *v;
	for (int i = 1; i < f->n_langs; i++)
		if (strcmp(f->langs[i], lang) == 0)
			return 1;
	snprintf(full, sizeof(full), "%s_%s", key, lang);
	v = ini_edit_get(f->doc, section, full);
	free(v);
	return v != NULL;
}

static void put_button(struct form *f, const char *action, const char *section, const char *label_key,
		       const char *confirm_key)
{
	fprintf(f->out, "<button type=\"submit\" name=\"action\" value=\"%s:", action);
	serve_put_escaped(f->out, section);
	fputs("\"", f->out);
	if (confirm_key) {
		fputs(" data-confirm=\"", f->out);
		serve_put_escaped(f->out, serve_text(f->ui, confirm_key));
		fputs("\"", f->out);
	}
	fputs(">", f->out);
	serve_put_escaped(f->out, serve_text(f->ui, label_key));
	fputs("</button>\n", f->out);
}

static void put_section(struct form *f, const char *section)
{
	const struct cfg_section_spec *spec = spec_of(section);
	char kind_key[64];
	fputs("<fieldset id=\"s-", f->out);
	serve_put_escaped(f->out, section);
	fputs("\">\n<legend>", f->out);
	snprintf(kind_key, sizeof(kind_key), "kind.%s", spec ? spec->kind : "unknown");
	serve_put_escaped(f->out, serve_text(f->ui, kind_key));
	if (spec && spec->is_list) {
		fputs(": ", f->out);
		serve_put_escaped(f->out, section + strlen(spec->kind) + 1);
	}
	fputs("</legend>\n", f->out);
	put_problems_for(f, section, "");
	for (int i = 0; spec && spec->keys[i].key; i++) {
		const struct cfg_key_spec *k = &spec->keys[i];
		put_field(f, section, k, NULL);
		for (int l = 0; (k->flags & CFG_TRANSLATABLE) && config_languages[l]; l++)
			if (shows_translation(f, section, k->key, config_languages[l]))
				put_field(f, section, k, config_languages[l]);
	}
	fputs("<div class=\"section-actions\">\n", f->out);
	if (spec && spec->is_list) {
		put_button(f, "up", section, "action.up", NULL);
		put_button(f, "down", section, "action.down", NULL);
	}
	if (!spec || spec->is_list || spec->min_count == 0)
		put_button(f, "remove", section, "action.remove", "confirm.remove");
	fputs("</div>\n</fieldset>\n", f->out);
}

/* "Add a venue: [id] [Add]" for a list kind; "Add [hyphenation]" for a
 * single section that is not there. */
static void put_add(struct form *f, const struct cfg_section_spec *spec)
{
	char key[64];
	snprintf(key, sizeof(key), "add.%s", spec->kind);
	fprintf(f->out, "<div class=\"add\" id=\"add-%s\">\n", spec->kind);
	if (spec->is_list) {
		fprintf(f->out, "<label for=\"new-%s\">", spec->kind);
		serve_put_escaped(f->out, serve_text(f->ui, key));
		fprintf(f->out, "</label>\n<input id=\"new-%s\" name=\"new|%s\" pattern=\"[a-z0-9_\\-]+\" "
			"placeholder=\"", spec->kind, spec->kind);
		serve_put_escaped(f->out, serve_text(f->ui, "hint.id"));
		fputs("\">\n", f->out);
	}
	fprintf(f->out, "<button type=\"submit\" name=\"action\" value=\"add:%s\">", spec->kind);
	serve_put_escaped(f->out, serve_text(f->ui, spec->is_list ? "action.add" : key));
	fputs("</button>\n</div>\n", f->out);
}

static void read_languages(struct form *f)
{
	char *langs = ini_edit_get(f->doc, "region", "languages"), *p = langs;
	f->n_langs = 0;
	while (p && *p && f->n_langs < 3) {
		char lang[3];
		p += strspn(p, " ,");
		snprintf(lang, sizeof(lang), "%.2s", p);
		if (config_language_known(lang))
			memcpy(f->langs[f->n_langs++], lang, sizeof(lang));
		p += strcspn(p, ",");
	}
	free(langs);
}

static void put_form(struct form *f, const char *base, size_t base_len, const char *form_token)
{
	const char **names;
	int n = ini_edit_sections(f->doc, &names);
	char sum[17];
	char **shown = xcalloc((size_t)n + 1, sizeof(*shown));
	for (int i = 0; i < n; i++)
		shown[i] = xstrdup(names[i]); /* names change when a form is made */
	read_languages(f);
	text_sum(serve.region_text, serve.region_len, sum);
	fprintf(f->out, "<form class=\"region\" method=\"post\" action=\"/region\">\n"
		"<input type=\"hidden\" name=\"form_token\" value=\"%s\">\n"
		"<input type=\"hidden\" name=\"disk\" value=\"%s\">\n"
		"<input type=\"hidden\" name=\"base\" value=\"", form_token, sum);
	{
		char *copy = xstrndup(base, base_len);
		serve_put_escaped(f->out, copy);
		free(copy);
	}
	fputs("\">\n<p class=\"save\"><button type=\"submit\" name=\"action\" value=\"save\">", f->out);
	serve_put_escaped(f->out, serve_text(f->ui, "action.save"));
	fputs("</button></p>\n", f->out);
	if (f->problems->general) {
		fputs("<ul class=\"messages\">\n<li class=\"problem\">", f->out);
		serve_put_escaped(f->out, f->problems->general);
		fputs("</li>\n</ul>\n", f->out);
	}
	for (int i = 0; i < n; i++) {
		const struct cfg_section_spec *spec = spec_of(shown[i]);
		int last_of_kind = 1;
		put_section(f, shown[i]);
		for (int j = i + 1; spec && j < n; j++)
			if (spec_of(shown[j]) == spec)
				last_of_kind = 0;
		if (spec && spec->is_list && last_of_kind)
			put_add(f, spec);
	}
	for (int s = 0; config_spec[s].kind; s++) {
		int present = 0;
		for (int i = 0; i < n; i++)
			present |= spec_of(shown[i]) == &config_spec[s];
		if (!present) { /* "at least one [coordinator.NAME] section is required" */
			put_problems_for(f, config_spec[s].kind, "");
			put_add(f, &config_spec[s]);
		}
	}
	fputs("<p class=\"save\"><button type=\"submit\" name=\"action\" value=\"save\">", f->out);
	serve_put_escaped(f->out, serve_text(f->ui, "action.save"));
	fputs("</button></p>\n</form>\n", f->out);
	for (int i = 0; i < n; i++)
		free(shown[i]);
	free(shown);
}

/* The editor page for TEXT with PROBLEMS and a NOTE (a UI string key or NULL). */
static enum MHD_Result region_page(struct serve_request *r, unsigned status, const char *text,
				   size_t len, const char *messages, const char *note_key,
				   const char *note_class)
{
	struct problems problems;
	struct form f;
	char *form, *html;
	size_t form_len, html_len;
	parse_problems(messages, &problems);
	memset(&f, 0, sizeof(f));
	f.out = open_memstream(&form, &form_len);
	f.ui = r->ui;
	f.doc = ini_edit_parse(text, len);
	f.problems = &problems;
	if (note_key) {
		fprintf(f.out, "<p class=\"%s\" id=\"note\">", note_class);
		serve_put_escaped(f.out, serve_text(r->ui, note_key));
		fputs("</p>\n", f.out);
	}
	put_form(&f, text, len, r->form_token);
	fclose(f.out);
	ini_edit_free(f.doc);
	problems_free(&problems);
	{
		const char *vals[] = { "form", form, "file", "", NULL };
		FILE *out = open_memstream(&html, &html_len);
		serve_web_page(out, r->ui, "region", vals);
		fclose(out);
	}
	free(form);
	return serve_page(r, status, serve_text(r->ui, "nav.region"), html);
}

/* The file was edited elsewhere (by hand, say) since it was read: take it
 * when it is valid; else *MESSAGES says why not, for the page. Lock held. */
static void notice_disk_change(char **messages)
{
	size_t len;
	char *text = file_read_all(serve.opt.config_path, "region file", REGION_MAX_BYTES, &len);
	struct config *cfg;
	if (!text || (len == serve.region_len && memcmp(text, serve.region_text, len) == 0)) {
		free(text);
		return;
	}
	cfg = check_text(text, len, messages);
	if (!cfg) {
		free(text);
		return;
	}
	config_free(serve.cfg);
	serve.cfg = cfg;
	free(serve.region_text);
	serve.region_text = text;
	serve.region_len = len;
	serve_docs_forget();
}

enum MHD_Result serve_region_get(struct serve_request *r)
{
	enum MHD_Result ok;
	const char *saved = serve_arg(r, "saved");
	char *messages = NULL;
	if (serve_take_lock() != 0)
		return serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
	notice_disk_change(&messages);
	if (messages && *messages) /* shown with the file as the server still has it */
		ok = region_page(r, MHD_HTTP_OK, serve.region_text, serve.region_len, messages,
				 "error.disk_invalid", "error");
	else
		ok = region_page(r, MHD_HTTP_OK, serve.region_text, serve.region_len, NULL,
				 saved ? "note.saved" : NULL, "saved");
	free(messages);
	serve_release_lock();
	return ok;
}

static char *trimmed(const char *s)
{
	const char *end;
	s += strspn(s, " \t");
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return xstrndup(s, (size_t)(end - s));
}

/* Apply the form's changed fields to DOC; a value that cannot be written
 * adds a problem line to *MESSAGES in the form config.c uses. */
static void apply_fields(struct serve_request *r, struct ini_doc *doc, FILE *messages)
{
	for (int i = 0; i < r->n_fields; i++) {
		const char *name = r->fields[i].name;
		char *section, *key, *value, *current;
		const char *bar;
		if (r->fields[i].is_file || strncmp(name, "f|", 2) != 0 || !(bar = strchr(name + 2, '|')))
			continue;
		section = xstrndup(name + 2, (size_t)(bar - name - 2));
		key = xstrdup(bar + 1);
		value = trimmed(r->fields[i].value);
		current = ini_edit_get(doc, section, key);
		if (strcmp(current ? current : "", value) != 0 &&
		    ini_edit_set(doc, section, key, value) != 0)
			fprintf(messages, "kaikuprint: %s: [%s] %s: error: %s\n", serve.opt.config_path,
				section, key, serve_text("en", "error.value"));
		free(current);
		free(section);
		free(key);
		free(value);
	}
}

/* add:KIND, remove:SECTION, up:SECTION, down:SECTION. Returns the UI
 * string key of a problem, or NULL. */
static const char *apply_action(struct serve_request *r, struct ini_doc *doc, const char *action)
{
	const char *arg = strchr(action, ':');
	if (!arg)
		return "error.bad_form";
	arg++;
	if (strncmp(action, "add:", 4) == 0) {
		const struct cfg_section_spec *spec = NULL;
		char field[80], name[200];
		const char *id;
		for (int i = 0; config_spec[i].kind; i++)
			if (strcmp(config_spec[i].kind, arg) == 0)
				spec = &config_spec[i];
		if (!spec)
			return "error.bad_form";
		snprintf(field, sizeof(field), "new|%s", arg);
		id = serve_field(r, field);
		if (spec->is_list && (!id || !*id))
			return "error.no_id";
		if (spec->is_list)
			snprintf(name, sizeof(name), "%s.%.100s", arg, id);
		else
			snprintf(name, sizeof(name), "%s", arg);
		return ini_edit_add_section(doc, name) == 0 ? NULL : "error.bad_id";
	}
	if (strncmp(action, "remove:", 7) == 0)
		return ini_edit_remove_section(doc, arg) == 0 ? NULL : "error.bad_form";
	if (strncmp(action, "up:", 3) == 0 || strncmp(action, "down:", 5) == 0)
		return ini_edit_move_section(doc, arg, action[0] == 'u' ? -1 : 1) == 0 ? NULL : "error.no_move";
	return "error.bad_form";
}

/* Write TEXT as the region file, the file before it kept as FILE.bak. */
/* TEXT as the file PATH, through a temporary file renamed into place (none
 * left behind when a write fails). Returns 0, or -1 after reporting. */
static int replace_file(const char *path, const char *text, size_t len)
{
	struct output_file *out = output_open(path);
	if (!out)
		return -1;
	if (output_write(out, text, len) != 0) {
		output_abort(out);
		return -1;
	}
	return output_commit(out);
}

static int write_region(const char *text, size_t len)
{
	char bak[4096];
	if (snprintf(bak, sizeof(bak), "%s.bak", serve.opt.config_path) >= (int)sizeof(bak) ||
	    replace_file(bak, serve.region_text, serve.region_len) != 0)
		return -1;
	input_forget(serve.opt.config_path); /* replaced on purpose: it is what is edited */
	return replace_file(serve.opt.config_path, text, len);
}

/* The file on disk is still the one the form was made from. */
static int disk_unchanged(const char *sum)
{
	size_t len;
	char now[17];
	char *text = file_read_all(serve.opt.config_path, "region file", REGION_MAX_BYTES, &len);
	if (!text)
		return 0;
	text_sum(text, len, now);
	free(text);
	return sum && strcmp(sum, now) == 0;
}

static enum MHD_Result save(struct serve_request *r, const char *text, size_t len,
			    const char *messages)
{
	char *check = NULL;
	struct config *cfg;
	if (messages && *messages)
		return region_page(r, MHD_HTTP_UNPROCESSABLE_CONTENT, text, len, messages,
				   "note.not_saved", "error");
	if (!disk_unchanged(serve_field(r, "disk")))
		return region_page(r, MHD_HTTP_CONFLICT, text, len, NULL, "error.changed", "error");
	cfg = check_text(text, len, &check);
	if (!cfg) {
		enum MHD_Result ok = region_page(r, MHD_HTTP_UNPROCESSABLE_CONTENT, text, len, check,
						 "note.not_saved", "error");
		free(check);
		return ok;
	}
	free(check);
	diag_reset();
	if (write_region(text, len) != 0) {
		config_free(cfg);
		return serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "error.write");
	}
	config_free(serve.cfg);
	serve.cfg = cfg;
	free(serve.region_text);
	serve.region_text = xstrndup(text, len);
	serve.region_len = len;
	serve_docs_forget(); /* the next preview shows the change */
	return serve_redirect(r, "/region?saved=1");
}

enum MHD_Result serve_region_post(struct serve_request *r)
{
	const char *base = serve_field(r, "base"), *action = serve_field(r, "action");
	struct ini_doc *doc;
	char *messages, *text;
	size_t mlen, len;
	FILE *out;
	enum MHD_Result ok;
	if (!base || !action)
		return serve_error(r, MHD_HTTP_BAD_REQUEST, "error.bad_form");
	if (serve_take_lock() != 0)
		return serve_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "error.busy");
	doc = ini_edit_parse(base, strlen(base));
	out = open_memstream(&messages, &mlen);
	apply_fields(r, doc, out);
	fclose(out);
	if (strcmp(action, "save") == 0) {
		text = ini_edit_text(doc, &len);
		ok = save(r, text, len, messages);
	} else {
		const char *problem = apply_action(r, doc, action);
		text = ini_edit_text(doc, &len);
		ok = region_page(r, problem ? MHD_HTTP_UNPROCESSABLE_CONTENT : MHD_HTTP_OK, text, len,
				 messages, problem ? problem : "note.unsaved", problem ? "error" : "messages");
	}
	free(text);
	free(messages);
	ini_edit_free(doc);
	serve_release_lock();
	return ok;
}
