/* serve: the daemon; see serve.h. libmicrohttpd gives each connection a
 * thread of its own (at most SERVE_MAX_CONNECTIONS); anything that runs the
 * render pipeline holds the one lock (serve_take_lock), and too many
 * waiting for it get 503. */
#include "serve_internal.h"
#include "diag.h"
#include "fileio.h"
#include "font.h"
#include "hyph.h"
#include "qr.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct serve_state serve;

enum { REGION_MAX_BYTES = 256 * 1024 };

static enum MHD_Result asset_get(struct serve_request *r);
static enum MHD_Result ui_get(struct serve_request *r);

/* Every route there is: a URL path matches one of these exactly, or a
 * static file's fixed route (serve_web.c), or it is 404. No file is ever
 * looked up from a path in the URL. */
static const struct serve_route routes[] = {
	{ "/", serve_docs_index, NULL, 0 },
	{ "/pdf", serve_docs_pdf, NULL, 0 },
	{ "/preview", serve_docs_preview, NULL, 0 },
	{ "/svg", serve_docs_svg, NULL, 0 },
	{ "/region", serve_region_get, serve_region_post, SERVE_MAX_BODY },
	{ "/cards", serve_cards_get, serve_cards_post, SERVE_MAX_UPLOAD },
	{ "/ui/fi", ui_get, NULL, 0 },
	{ "/ui/sv", ui_get, NULL, 0 },
	{ "/ui/en", ui_get, NULL, 0 },
	{ NULL, NULL, NULL, 0 }
};

static const struct serve_route asset_route = { "/static", asset_get, NULL, 0 };

static const struct serve_route *find_route(const char *url, const struct serve_asset **asset)
{
	*asset = NULL;
	for (int i = 0; routes[i].path; i++)
		if (strcmp(routes[i].path, url) == 0)
			return &routes[i];
	*asset = serve_web_asset(url);
	return *asset ? &asset_route : NULL;
}

static enum MHD_Result asset_get(struct serve_request *r)
{
	r->cacheable = 1;
	return serve_respond(r, MHD_HTTP_OK, r->asset->type, r->asset->data, r->asset->len, 0, NULL);
}

/* /ui/LANG: the language of the pages, kept in a cookie; then home. */
static enum MHD_Result ui_get(struct serve_request *r)
{
	snprintf(r->ui, sizeof(r->ui), "%s", r->route->path + 4);
	r->set_ui = 1;
	return serve_redirect(r, "/");
}

/* The access log: time, method, route, status and milliseconds; never a
 * query string, a body, a cookie or a name. */
static void log_request(const struct serve_request *r)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %s %s %u %.0fms\n", when, r->method_name,
		r->route ? r->route->path : "(unknown)", r->status, (serve_now() - r->start) * 1000);
}

static void free_request(struct serve_request *r)
{
	if (r->pp)
		MHD_destroy_post_processor(r->pp);
	for (int i = 0; i < r->n_fields; i++) {
		/* a holder list: wiped before its memory is given back */
		explicit_bzero(r->fields[i].value, r->fields[i].len);
		free(r->fields[i].value);
		free(r->fields[i].name);
	}
	free(r->fields);
	free(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct serve_request *r = *req_cls;
	(void)cls;
	(void)conn;
	if (!r)
		return;
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && r->status == 0)
		r->status = toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? 408 : 400;
	log_request(r);
	free_request(r);
	*req_cls = NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_size, void **req_cls)
{
	struct serve_request *r = *req_cls;
	(void)cls;
	(void)version;
	if (!r) {
		const struct serve_asset *asset;
		r = xcalloc(1, sizeof(*r));
		*req_cls = r;
		r->conn = conn;
		r->start = serve_now();
		snprintf(r->method_name, sizeof(r->method_name), "%s",
			 strlen(method) < sizeof(r->method_name) ? method : "(other)");
		r->route = find_route(url, &asset);
		r->asset = asset;
		return serve_http_begin(r);
	}
	if (*upload_size) {
		int keep = serve_http_body(r, upload_data, *upload_size) == 0;
		*upload_size = 0;
		return keep ? MHD_YES : MHD_NO;
	}
	return serve_http_finish(r);
}

/* ADDR:PORT (IPv4) into SA; loopback addresses are 127.0.0.0/8. */
static int parse_listen(const char *listen, struct sockaddr_in *sa, int *loopback)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;
	if (!colon || (size_t)(colon - listen) >= sizeof(host))
		return -1;
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 1 || port > 65535)
		return -1;
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (strcmp(host, "localhost") == 0)
		strcpy(host, "127.0.0.1");
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return -1;
	*loopback = (ntohl(sa->sin_addr.s_addr) >> 24) == 127;
	snprintf(serve.host_port, sizeof(serve.host_port), "%s:%ld", host, port);
	return 0;
}

/* The access token: the first line of FILE, at least 16 characters. */
static int read_token(const char *file)
{
	size_t len;
	char *text = file_read_all(file, "token file", 4096, &len);
	size_t n;
	if (!text)
		return -1;
	n = strcspn(text, "\r\n");
	if (n < 16 || n >= sizeof(serve.token)) {
		diag_file(DIAG_ERROR, file, 1, 0, "the access token must be 16 to 255 characters on the first line");
		free(text);
		return -1;
	}
	memcpy(serve.token, text, n);
	serve.token[n] = '\0';
	explicit_bzero(text, len);
	free(text);
	return 0;
}

void serve_sync_today(void)
{
	struct date today = serve.today_fixed ? serve.today : date_today();
	if (date_compare(&today, &serve.cfg->today) == 0)
		return;
	serve.cfg->today = today;
	serve_docs_forget();
}

/* Load the region and every template there is. */
static int load_region(void)
{
	char path[4096];
	serve.region_text = file_read_all(serve.opt.config_path, "region file", REGION_MAX_BYTES,
					  &serve.region_len);
	if (!serve.region_text)
		return -1;
	serve.cfg = config_load_text(serve.opt.config_path, serve.region_text, serve.region_len);
	if (!serve.cfg)
		return -1;
	snprintf(serve.default_ui, sizeof(serve.default_ui), "%s", serve.cfg->languages[0]);
	for (int i = 0; render_documents[i] && serve.n_docs < SERVE_MAX_DOCS; i++) {
		struct template *t;
		snprintf(path, sizeof(path), "%s/%s.xml", serve.opt.templates_dir, render_documents[i]);
		if (access(path, F_OK) != 0)
			continue;
		t = render_load_template(path); /* with the privacy guard, as the command line */
		if (!t)
			return -1;
		serve.templates[serve.n_docs] = t;
		serve.has_booklet[serve.n_docs] = template_has_booklet(t);
		serve.doc_names[serve.n_docs++] = render_documents[i];
	}
	return 0;
}

static struct MHD_Daemon *start_daemon(const struct sockaddr_in *sa)
{
	unsigned timeout = serve.opt.timeout > 0 ? (unsigned)serve.opt.timeout : SERVE_TIMEOUT;
	/* a thread for each connection: a request waiting for the renderer
	 * holds up no other connection, and the 17th waiting is answered 503
	 * at once (SERVE_MAX_WAITING) */
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
				MHD_USE_POLL, 0, NULL, NULL,
				on_request, NULL,
				MHD_OPTION_SOCK_ADDR, sa,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(SERVE_MAX_CONNECTIONS / 2),
				MHD_OPTION_CONNECTION_TIMEOUT, timeout,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MAX_HEADERS,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
				MHD_OPTION_END);
}

static void cleanup(void)
{
	serve_docs_forget();
	for (int i = 0; i < serve.n_docs; i++)
		template_free(serve.templates[i]);
	config_free(serve.cfg);
	free(serve.region_text);
	serve_web_free();
	serve_sessions_free();
	explicit_bzero(serve.token, sizeof(serve.token));
}

int serve_main(const struct serve_options *opt)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	sigset_t stop;
	int sig;
	serve.opt = *opt;
	if (parse_listen(opt->listen ? opt->listen : "127.0.0.1:8080", &sa, &serve.loopback) != 0) {
		diag_plain(DIAG_ERROR, "--listen: expected ADDR:PORT with an IPv4 address, e.g. 127.0.0.1:8080");
		return EXIT_USAGE;
	}
	if (!serve.loopback && !opt->token_file) {
		diag_plain(DIAG_ERROR, "--listen %s is not a loopback address: give --token-file FILE "
			   "(anyone who can reach the port could otherwise use it)", opt->listen);
		return EXIT_USAGE;
	}
	if (serve_mhd_load() != 0)
		return EXIT_SYSTEM;
	serve.need_token = opt->token_file != NULL;
	serve.today_fixed = opt->today && date_parse(opt->today, &serve.today) == 0;
	if ((serve.need_token && read_token(opt->token_file) != 0) || load_region() != 0 ||
	    serve_web_load(opt->templates_dir, opt->fonts_dir) != 0) {
		cleanup();
		return diag_exit_status() ? diag_exit_status() : EXIT_INPUT;
	}
	pthread_mutex_init(&serve.lock, NULL);
	pthread_mutex_init(&serve.waiting_lock, NULL);
	/* glibc gives threads malloc arenas of their own, each of which keeps
	 * what it held; renders take turns anyway, so two arenas will do */
	mallopt(M_ARENA_MAX, 2);
	/* the threads the daemon starts inherit this mask: only sigwait sees them */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = start_daemon(&sa);
	if (!d) {
		diag_plain(DIAG_FATAL, "cannot listen on %s (in use, or not an address of this machine)",
			   serve.host_port);
		cleanup();
		return EXIT_SYSTEM;
	}
	fprintf(stderr, "kaikuprint: serving %s on http://%s/%s\n", opt->config_path, serve.host_port,
		serve.need_token ? "?token=... (the token from the token file)" : "");
	sigwait(&stop, &sig);
	fprintf(stderr, "kaikuprint: stopping (%s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	MHD_stop_daemon(d);
	cleanup();
	return EXIT_OK;
}
