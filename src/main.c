/* kaikuprint: command line. Everything else lives in the pipeline stages. */
#include "config.h"
#include "diag.h"
#include "fileio.h"
#include "font.h"
#include "holders.h"
#include "hyph.h"
#include "privacy.h"
#include "qr.h"
#include "render.h"
#include "serve.h"
#include "template.h"
#include "textnorm.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KP_VERSION
#define KP_VERSION "0.1.0"
#endif
#ifndef KP_DATADIR
#define KP_DATADIR "/usr/local/share/kaikuprint"
#endif

struct cli {
	const char *command;
	const char *config;
	const char *template_path;
	const char *lang;
	const char *output;
	const char *dump;
	const char *templates_dir;
	const char *fonts_dir;
	int large_print;
	int press;                 /* --press: print-shop variant */
	int quiet;
	int booklet_only;          /* --booklet: only the folded-booklet variant */
	int split;                 /* --split N: a card batch in files of N sheets */
	const char *data;          /* --data: card holders (CSV), "-" = standard input */
	const char *today;         /* --today or $KAIKUPRINT_TODAY: the day of printing */
	struct holders *holders;   /* read from data once, before any rendering */
	struct serve_options serve; /* serve: --listen, --token-file, --timeout */
};

static const char usage_text[] =
	"Usage: kaikuprint render -c REGION.ini -t TEMPLATE.xml [-l LANG] [-o OUT.pdf]\n"
	"       kaikuprint all -c REGION.ini -o DIR [-l LANG]\n"
	"       kaikuprint check -c REGION.ini [-t TEMPLATE.xml] [-l LANG]\n"
	"       kaikuprint serve -c REGION.ini [--listen ADDR:PORT] [--token-file FILE]\n"
	"                        [--today YYYY-MM-DD]\n"
	"\n"
	"Print-ready PDFs for the Kaikukortti culture card from a region's\n"
	"configuration and XML templates.\n"
	"\n"
	"Options:\n"
	"  -c, --config FILE      the region file (INI)\n"
	"  -t, --template FILE    the template (XML)\n"
	"  -l, --lang LANG        fi, sv or en (default: the region's first language)\n"
	"  -o, --output PATH      output PDF ('-' = standard output); for 'all', a folder\n"
	"      --dump FILE        also write the layout as text (golden tests)\n"
	"      --data FILE        card holders (CSV) for a card template; '-' = standard\n"
	"                         input; without it the cards are blank (render, check)\n"
	"      --split N          with --data: a numbered PDF every N sheets (cards-001.pdf, ...)\n"
	"      --booklet          render only the folded booklet of a template that has one\n"
	"      --today YYYY-MM-DD the day of printing (default: today's date): the date\n"
	"                         'updated' when the region gives none; with --data, a\n"
	"                         card already expired then, or issued later, is an error\n"
	"                         (serve: for every list uploaded)\n"
	"      --large-print      set body text at 14 pt or more\n"
	"      --press            print-shop variant: CMYK, bleed, crop marks, PDF/X-1a\n"
	"                         (render, all; with check: check it for print)\n"
	"      --templates DIR    where the templates are\n"
	"      --fonts DIR        where the fonts are\n"
	"      --listen ADDR:PORT serve: where (default 127.0.0.1:8080)\n"
	"      --token-file FILE  serve: the access token; needed off loopback\n"
	"      --timeout SECONDS  serve: how long a connection may stay idle (30)\n"
	"  -q, --quiet            no warnings and no progress indicator\n"
	"  -h, --help             this text\n"
	"  -V, --version          the version\n"
	"\n"
	"Exit status: 0 done, 1 bad input (template, config, data), 2 bad command line,\n"
	"3 system failure (I/O, missing font, out of memory).\n";

static int usage_error(const char *msg)
{
	fprintf(stderr, "kaikuprint: %s\nTry 'kaikuprint --help'.\n", msg);
	return EXIT_USAGE;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The data folder: next to the binary in a build tree; else PREFIX/share/kaikuprint
 * found from the binary's own place (PREFIX/bin), so that an installed tree
 * still works when moved or staged with DESTDIR; else the compiled-in one. */
static const char *data_dir(const char *given, const char *sub, char *buf, size_t size)
{
	char exe[PATH_MAX], cwd[PATH_MAX];
	ssize_t n;
	if (given)
		return given;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash && getcwd(cwd, sizeof(cwd)) && (size_t)(slash - exe) == strlen(cwd) &&
		    strncmp(exe, cwd, strlen(cwd)) == 0 && is_dir(sub))
			return sub; /* run from the build tree: keep messages short */
		if (slash) {
			*slash = '\0';
			if (snprintf(buf, size, "%s/%s", exe, sub) < (int)size && is_dir(buf))
				return buf;
			slash = strrchr(exe, '/'); /* exe is now PREFIX/bin: go up to PREFIX */
			if (slash) {
				*slash = '\0';
				if (snprintf(buf, size, "%s/share/kaikuprint/%s", exe, sub) < (int)size &&
				    is_dir(buf))
					return buf;
			}
		}
	}
	snprintf(buf, size, "%s/%s", KP_DATADIR, sub);
	return buf;
}

/* --split N: a whole number from 1 to 100000; -1 for anything else. */
static int split_count(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	return *s && !*end && n >= 1 && n <= 100000 ? (int)n : -1;
}

static int parse_args(int argc, char **argv, struct cli *cli)
{
	enum { OPT_DUMP = 256, OPT_LARGE, OPT_TEMPLATES, OPT_FONTS, OPT_DATA, OPT_BOOKLET, OPT_SPLIT,
	       OPT_LISTEN, OPT_TOKEN_FILE, OPT_TIMEOUT, OPT_TODAY, OPT_PRESS };
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "template", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "dump", required_argument, NULL, OPT_DUMP },
		{ "large-print", no_argument, NULL, OPT_LARGE },
		{ "press", no_argument, NULL, OPT_PRESS },
		{ "templates", required_argument, NULL, OPT_TEMPLATES },
		{ "fonts", required_argument, NULL, OPT_FONTS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "booklet", no_argument, NULL, OPT_BOOKLET },
		{ "split", required_argument, NULL, OPT_SPLIT },
		{ "listen", required_argument, NULL, OPT_LISTEN },
		{ "token-file", required_argument, NULL, OPT_TOKEN_FILE },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	while ((c = getopt_long(argc, argv, "c:t:l:o:qhV", options, NULL)) != -1) {
		switch (c) {
		case 'c': cli->config = optarg; break;
		case 't': cli->template_path = optarg; break;
		case 'l': cli->lang = optarg; break;
		case 'o': cli->output = optarg; break;
		case OPT_DUMP: cli->dump = optarg; break;
		case OPT_LARGE: cli->large_print = 1; break;
		case OPT_PRESS: cli->press = 1; break;
		case OPT_TEMPLATES: cli->templates_dir = optarg; break;
		case OPT_FONTS: cli->fonts_dir = optarg; break;
		case 'q': cli->quiet = 1; break;
		case OPT_DATA: cli->data = optarg; break;
		case OPT_BOOKLET: cli->booklet_only = 1; break;
		case OPT_SPLIT: cli->split = split_count(optarg); break;
		case OPT_LISTEN: cli->serve.listen = optarg; break;
		case OPT_TOKEN_FILE: cli->serve.token_file = optarg; break;
		case OPT_TIMEOUT: cli->serve.timeout = atoi(optarg); break;
		case OPT_TODAY: cli->today = optarg; break;
		case 'h': fputs(usage_text, stdout); exit(EXIT_OK);
		case 'V': printf("kaikuprint %s\n", KP_VERSION); exit(EXIT_OK);
		default: return -1;
		}
	}
	if (optind < argc)
		cli->command = argv[optind++];
	return optind == argc ? 0 : -1;
}

/* Render T in every language of the region (only -l's when given): into
 * DIR/NAME-LANG.pdf when DIR is set, else only checked (with --data's
 * holders). A problem that is the same in every language is shown once. */
static int render_languages(const struct cli *cli, const struct config *cfg,
			    const struct template *t, const char *fdir, const char *dir,
			    const char *name)
{
	char opath[PATH_MAX];
	int failed = 0;
	diag_once_begin();
	for (int l = 0; l < cfg->n_languages; l++) {
		struct render_options ro = { cfg->languages[l], cli->large_print, fdir,
					     dir ? opath : NULL, NULL, NULL, 0, 0, 0, cli->press };
		if (cli->lang && strcmp(cli->lang, cfg->languages[l]) != 0)
			continue; /* -l: that language only */
		if (dir)
			snprintf(opath, sizeof(opath), "%s/%s-%s.pdf", dir, name, cfg->languages[l]);
		else
			ro.holders = cli->holders;
		failed |= render_document(cfg, t, &ro) != 0;
	}
	diag_once_end();
	return failed ? -1 : 0;
}

/* The template at PATH in every language the region lists: rendered into
 * OUT_DIR as NAME-LANG.pdf, or (OUT_DIR NULL) only checked. */
static int template_languages(const struct cli *cli, const struct config *cfg, const char *path,
			      const char *fdir, const char *out_dir, const char *name)
{
	struct template *t = render_load_template(path);
	int rc;
	if (!t)
		return -1;
	rc = render_languages(cli, cfg, t, fdir, out_dir, name);
	template_free(t);
	return rc;
}

/* Every document whose template is in TDIR, as template_languages does. */
static int every_document(const struct cli *cli, const struct config *cfg, const char *tdir,
			  const char *fdir, const char *out_dir)
{
	char tpath[PATH_MAX];
	int failed = 0;
	for (int i = 0; render_documents[i]; i++) {
		snprintf(tpath, sizeof(tpath), "%s/%s.xml", tdir, render_documents[i]);
		if (access(tpath, F_OK) == 0)
			failed |= template_languages(cli, cfg, tpath, fdir, out_dir,
						     out_dir ? render_documents[i] : NULL) != 0;
	}
	return failed ? -1 : 0;
}

/* --lang names a language of the region file, or is not given. */
static int language_listed(const struct cli *cli, const struct config *cfg)
{
	if (cli->lang && !config_has_language(cfg, cli->lang)) {
		diag_plain(DIAG_ERROR, "the region file does not list the language %s", cli->lang);
		return 0;
	}
	return 1;
}

/* Render the templates of every document that exists, in every language. */
static int command_all(const struct cli *cli, const struct config *cfg, const char *tdir,
		       const char *fdir)
{
	if (!language_listed(cli, cfg))
		return -1;
	if (!is_dir(cli->output)) {
		diag_file(DIAG_ERROR, cli->output, 0, 0, access(cli->output, F_OK) == 0
			  ? "not a folder; 'all' writes one PDF per document and language into a folder"
			  : "output folder does not exist");
		return -1;
	}
	return every_document(cli, cfg, tdir, fdir, cli->output);
}

/* Validate one template (-t) or every document's against the region in
 * every language it lists. */
static int command_check(const struct cli *cli, const struct config *cfg, const char *tdir,
			 const char *fdir)
{
	if (!language_listed(cli, cfg))
		return -1;
	if (cli->template_path)
		return template_languages(cli, cfg, cli->template_path, fdir, NULL, NULL);
	return every_document(cli, cfg, tdir, fdir, NULL);
}

static int command_render(const struct cli *cli, const struct config *cfg, const char *fdir)
{
	struct render_options ro = { cli->lang, cli->large_print, fdir, NULL, cli->dump, NULL, 0, 0, 0,
				     cli->press };
	struct template *t;
	int rc;
	if (!cli->template_path)
		return usage_error("render needs -t TEMPLATE.xml") == 0 ? 0 : -2;
	if (cli->lang && !config_language_known(cli->lang))
		return usage_error("--lang must be fi, sv or en") == 0 ? 0 : -2;
	ro.pdf_path = cli->output ? cli->output : (cli->dump ? NULL : "out.pdf");
	ro.holders = cli->holders;
	ro.progress = !cli->quiet && isatty(STDERR_FILENO);
	ro.booklet_only = cli->booklet_only;
	ro.split = cli->split;
	t = render_load_template(cli->template_path);
	if (!t)
		return -1;
	rc = render_document(cfg, t, &ro);
	template_free(t);
	return rc;
}

static int run(struct cli *cli)
{
	char tbuf[PATH_MAX], fbuf[PATH_MAX], schema[PATH_MAX + 32];
	const char *tdir = data_dir(cli->templates_dir, "templates", tbuf, sizeof(tbuf));
	const char *fdir = data_dir(cli->fonts_dir, "fonts", fbuf, sizeof(fbuf));
	struct config *cfg;
	int rc;

	snprintf(schema, sizeof(schema), "%s/kaikuprint.rng", tdir);
	/* check validates against the schema too; render trusts template_check.c */
	if (strcmp(cli->command, "check") == 0 && template_set_schema(schema) != 0)
		return EXIT_SYSTEM;
	if (strcmp(cli->command, "serve") == 0) {
		cli->serve.config_path = cli->config;
		cli->serve.templates_dir = tdir;
		cli->serve.fonts_dir = fdir;
		cli->serve.today = cli->today;
		return serve_main(&cli->serve);
	}
	cfg = config_load(cli->config);
	if (!cfg) {
		if (cli->template_path && strcmp(cli->command, "check") == 0)
			template_free(render_load_template(cli->template_path));
		return diag_exit_status();
	}
	if (cli->today)
		date_parse(cli->today, &cfg->today); /* checked in main() */
	if (cli->data) {
		/* read once: standard input cannot be read again for a second language */
		cli->holders = holders_load(cli->data, cfg, &cfg->today);
		if (!cli->holders) {
			config_free(cfg);
			return diag_exit_status() ? diag_exit_status() : EXIT_INPUT;
		}
	}
	/* all or nothing: no output is put in place unless every one succeeded */
	output_batch_begin();
	if (strcmp(cli->command, "render") == 0)
		rc = command_render(cli, cfg, fdir);
	else if (strcmp(cli->command, "all") == 0)
		rc = command_all(cli, cfg, tdir, fdir);
	else
		rc = command_check(cli, cfg, tdir, fdir);
	if (output_batch_end(rc == 0 && diag_error_count() == 0) != 0 && rc == 0)
		rc = -1;
	holders_free(cli->holders);
	config_free(cfg);
	if (rc == -2)
		return EXIT_USAGE;
	return rc == 0 && diag_error_count() == 0 ? EXIT_OK : diag_exit_status() ? diag_exit_status() : EXIT_INPUT;
}

int main(int argc, char **argv)
{
	struct cli cli;
	int rc;
	memset(&cli, 0, sizeof(cli));
	cli.today = getenv("KAIKUPRINT_TODAY");
	if (cli.today && !*cli.today)
		cli.today = NULL;
	if (parse_args(argc, argv, &cli) != 0 || !cli.command)
		return usage_error("expected a command: render, all or check");
	if (strcmp(cli.command, "render") && strcmp(cli.command, "all") && strcmp(cli.command, "check") &&
	    strcmp(cli.command, "serve"))
		return usage_error("unknown command; use render, all, check or serve");
	if (!cli.config)
		return usage_error("missing -c REGION.ini");
	if (strcmp(cli.command, "all") == 0 && !cli.output)
		return usage_error("all needs -o DIR");
	if (cli.split < 0)
		return usage_error("--split needs a whole number of sheets from 1 to 100000");
	if (cli.split && (strcmp(cli.command, "render") != 0 || !cli.data || !cli.output ||
			  strcmp(cli.output, "-") == 0))
		return usage_error("--split works with render, --data and -o FILE.pdf");
	if (cli.booklet_only && strcmp(cli.command, "render") != 0)
		return usage_error("--booklet works with render only");
	if (strcmp(cli.command, "all") == 0 && cli.data)
		return usage_error("--data works with render and check, not all");
	if (strcmp(cli.command, "check") == 0 && (cli.output || cli.dump))
		return usage_error("check writes nothing; leave out -o and --dump");
	if (strcmp(cli.command, "all") == 0 && cli.dump)
		return usage_error("--dump works with render, not all");
	if ((cli.output && !cli.output[0]) || (cli.dump && !cli.dump[0]))
		return usage_error("-o and --dump need a file name");
	if (cli.output && cli.dump && strcmp(cli.output, cli.dump) == 0)
		return usage_error("-o and --dump name the same file; give them different names");
	if (cli.lang && !config_language_known(cli.lang))
		return usage_error("--lang must be fi, sv or en");
	if (cli.today && date_parse(cli.today, &(struct date){ 0, 0, 0 }) != 0)
		return usage_error("--today (or KAIKUPRINT_TODAY) must be a date YYYY-MM-DD");
	diag_set_quiet(cli.quiet);
	rc = run(&cli);
	template_cleanup();
	font_cache_free();
	qr_cache_free();
	hyph_free();
	textnorm_free();
	privacy_text_free();
	return rc;
}
