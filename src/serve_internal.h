/* serve_internal: what the serve_*.c files share; see serve.h. */
#ifndef KP_SERVE_INTERNAL_H
#define KP_SERVE_INTERNAL_H

#include "config.h"
#include "render.h"
#include "serve.h"
#include "template.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

enum {
	SERVE_MAX_BODY = 1024 * 1024,        /* a form (the region editor) */
	SERVE_MAX_UPLOAD = 4 * 1024 * 1024,  /* a holder list with its form */
	/* a body over its limit without a Content-Length (chunked) is read and
	 * dropped up to this much more, then answered 413; past it the
	 * connection is closed */
	SERVE_MAX_DISCARD = 8 * 1024 * 1024,
	SERVE_MAX_FIELDS = 2000,             /* fields of one form */
	SERVE_MAX_HEADERS = 32 * 1024,       /* request line and headers */
	SERVE_MAX_CONNECTIONS = 64,
	SERVE_MAX_WAITING = 16,              /* requests queued for the renderer */
	SERVE_MAX_DOCS = 8,
	SERVE_TIMEOUT = 30,                  /* seconds a connection may stay idle */
	SERVE_TOKEN_HEX = 64                 /* session ids and form tokens: 32 random bytes */
};

/* One form field (or uploaded file) of a POST. */
struct serve_field {
	char *name;
	char *value; /* NUL-terminated; may hold personal data (a holder list) */
	size_t len;
	int is_file;
};

/* One request, from its first header to the access log line. */
struct serve_request {
	struct MHD_Connection *conn;
	const struct serve_route *route;
	const struct serve_asset *asset; /* a static file's route */
	char method_name[8];          /* for the access log */
	double start;                 /* seconds, monotonic clock */
	unsigned status;              /* what was answered, for the access log */
	char session[SERVE_TOKEN_HEX + 1];    /* "" when there is none */
	char form_token[SERVE_TOKEN_HEX + 1];
	int new_session;              /* send the cookie with the answer */
	char ui[3];                   /* language of the page: fi, sv, en */
	int set_ui;                   /* send it back as a cookie (/ui/LANG) */
	int cacheable;                /* a static file: may be cached a while */
	struct MHD_PostProcessor *pp;
	size_t body_bytes, body_limit;
	int bad_body;                 /* malformed or too many fields */
	int too_big;                  /* the body passed its limit: 413 at its end */
	struct serve_field *fields;
	int n_fields;
};

typedef enum MHD_Result (*serve_handler)(struct serve_request *r);

struct serve_route {
	const char *path;
	serve_handler get;  /* GET and HEAD; NULL: not allowed */
	serve_handler post; /* POST; NULL: not allowed */
	size_t body_limit;
};

/* A file served from memory under a fixed route. */
struct serve_asset {
	const char *route, *file, *type;
	char *data;
	size_t len;
};

/* The server's state; the lock guards everything the render pipeline
 * touches (config, templates, font and word caches, diagnostics). */
struct serve_state {
	struct serve_options opt;
	int need_token;
	char token[256];
	char host_port[64];       /* "127.0.0.1:8080", for the Host check */
	int loopback;
	struct config *cfg;
	char *region_text;        /* the region file as on disk */
	size_t region_len;
	struct template *templates[SERVE_MAX_DOCS];
	const char *doc_names[SERVE_MAX_DOCS];
	int has_booklet[SERVE_MAX_DOCS];
	char default_ui[3];       /* the region's first language at start */
	struct date today;        /* --today, when given (today_fixed) */
	int today_fixed;
	int n_docs;
	pthread_mutex_t lock;
	int waiting;              /* requests waiting for or holding the lock */
	pthread_mutex_t waiting_lock;
	void *web;                /* serve_web.c */
	void *cache;              /* serve_docs.c */
};

extern struct serve_state serve;

/* serve_http.c: the first call of a request, each piece of its body, the
 * last call (the body is complete). */
enum MHD_Result serve_http_begin(struct serve_request *r);
/* Returns 0, or -1 when the connection is to be closed (a body far past its limit). */
int serve_http_body(struct serve_request *r, const char *data, size_t size);
enum MHD_Result serve_http_finish(struct serve_request *r);
double serve_now(void);
const char *serve_arg(struct serve_request *r, const char *name);
const char *serve_field(const struct serve_request *r, const char *name);
const struct serve_field *serve_file(const struct serve_request *r, const char *name);
/* Answer with DATA (LEN bytes, freed by the server when OWNED). */
enum MHD_Result serve_respond(struct serve_request *r, unsigned status, const char *type,
			      const void *data, size_t len, int owned, const char *disposition);
/* Answer with the HTML page from a memstream buffer. */
enum MHD_Result serve_html(struct serve_request *r, unsigned status, char *html, size_t len);
enum MHD_Result serve_redirect(struct serve_request *r, const char *location);
/* A short error page in the UI language: TEXT_KEY names its UI string. */
enum MHD_Result serve_error(struct serve_request *r, unsigned status, const char *text_key);
/* 0, with the lock held and the region's day of printing brought up to
 * date (serve_sync_today); -1 when too many are waiting (then 503). */
int serve_take_lock(void);
void serve_release_lock(void);

/* serve.c: set the region's day of printing (config->today: card checks,
 * the default "updated" date) to --today or the date now, dropping what was
 * rendered on another day (a server runs past midnight). Lock held. */
void serve_sync_today(void);

/* serve_session.c */
int serve_random_hex(char *out, size_t bytes);
int serve_token_ok(const char *given);
/* Find the session of R's cookie; 0 when found. */
int serve_session_find(struct serve_request *r);
void serve_session_new(struct serve_request *r);
int serve_form_token_ok(const struct serve_request *r);
void serve_sessions_free(void);

/* serve_web.c */
int serve_web_load(const char *dir, const char *fonts_dir);
void serve_web_free(void);
const struct serve_asset *serve_web_asset(const char *route);
/* The UI string KEY in LANG (HTML-escaped already in the file), or KEY. */
const char *serve_text(const char *lang, const char *key);
void serve_put_escaped(FILE *out, const char *s);
/* Write the web template NAME with {{t.key}} strings and {{name}} values
 * (VALS: name, HTML pairs, NULL-terminated) to OUT. */
void serve_web_page(FILE *out, const char *lang, const char *name, const char *const *vals);
/* A whole page: the frame (nav) around MAIN_HTML with TITLE (plain text). */
enum MHD_Result serve_page(struct serve_request *r, unsigned status, const char *title,
			   char *main_html);

/* serve_docs.c */
enum MHD_Result serve_docs_index(struct serve_request *r);
enum MHD_Result serve_docs_pdf(struct serve_request *r);
enum MHD_Result serve_docs_preview(struct serve_request *r);
enum MHD_Result serve_docs_svg(struct serve_request *r);
void serve_docs_forget(void); /* the region changed: drop what was rendered */

/* serve_region.c */
enum MHD_Result serve_region_get(struct serve_request *r);
enum MHD_Result serve_region_post(struct serve_request *r);

/* serve_cards.c */
enum MHD_Result serve_cards_get(struct serve_request *r);
enum MHD_Result serve_cards_post(struct serve_request *r);

/* serve_mhd.c: load libmicrohttpd before any MHD_ call; 0, or -1 after
 * reporting (kaikuprint is not linked with it: see serve_mhd.c) */
int serve_mhd_load(void);

#endif
