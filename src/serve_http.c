/* serve_http: one request from its headers to its answer: the route's
 * method, the Host and Origin checks, the session or access token, form
 * bodies (urlencoded or multipart) within limits, and answers with the
 * security headers every one carries. */
#include "serve_internal.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* What the pages may load: only from this server, nothing inline but the
 * SVG previews' presentation attributes and data: images. */
static const char csp[] =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
	"base-uri 'none'";

double serve_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

const char *serve_arg(struct serve_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *serve_field(const struct serve_request *r, const char *name)
{
	for (int i = 0; i < r->n_fields; i++)
		if (!r->fields[i].is_file && strcmp(r->fields[i].name, name) == 0)
			return r->fields[i].value;
	return NULL;
}

const struct serve_field *serve_file(const struct serve_request *r, const char *name)
{
	for (int i = 0; i < r->n_fields; i++)
		if (r->fields[i].is_file && strcmp(r->fields[i].name, name) == 0)
			return &r->fields[i];
	return NULL;
}

static void add_headers(struct serve_request *r, struct MHD_Response *resp, const char *type,
			const char *disposition)
{
	char cookie[128];
	MHD_add_response_header(resp, "Content-Type", type);
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
	MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	/* the fonts, styles and script may be kept a while; nothing else */
	MHD_add_response_header(resp, "Cache-Control", r->cacheable ? "private, max-age=3600" : "no-store");
	if (disposition)
		MHD_add_response_header(resp, "Content-Disposition", disposition);
	if (r->new_session) {
		snprintf(cookie, sizeof(cookie), "kp_session=%s; Path=/; HttpOnly; SameSite=Strict",
			 r->session);
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	}
	if (r->set_ui) {
		snprintf(cookie, sizeof(cookie), "kp_ui=%s; Path=/; HttpOnly; SameSite=Strict", r->ui);
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	}
}

static enum MHD_Result queue(struct serve_request *r, unsigned status, struct MHD_Response *resp)
{
	enum MHD_Result ok;
	if (!resp)
		return MHD_NO;
	r->status = status;
	ok = MHD_queue_response(r->conn, status, resp);
	MHD_destroy_response(resp);
	return ok;
}

enum MHD_Result serve_respond(struct serve_request *r, unsigned status, const char *type,
			      const void *data, size_t len, int owned, const char *disposition)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		len, (void *)data, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	add_headers(r, resp, type, disposition);
	return queue(r, status, resp);
}

enum MHD_Result serve_html(struct serve_request *r, unsigned status, char *html, size_t len)
{
	return serve_respond(r, status, "text/html; charset=utf-8", html, len, 1, NULL);
}

enum MHD_Result serve_redirect(struct serve_request *r, const char *location)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	add_headers(r, resp, "text/plain; charset=utf-8", NULL);
	MHD_add_response_header(resp, "Location", location);
	return queue(r, MHD_HTTP_SEE_OTHER, resp);
}

enum MHD_Result serve_error(struct serve_request *r, unsigned status, const char *text_key)
{
	char *html;
	size_t len;
	FILE *out = open_memstream(&html, &len);
	fputs("<p class=\"error\">", out);
	fputs(serve_text(r->ui, text_key), out);
	fputs("</p>\n", out);
	fclose(out);
	return serve_page(r, status, serve_text(r->ui, text_key), html);
}

int serve_take_lock(void)
{
	int ok;
	pthread_mutex_lock(&serve.waiting_lock);
	ok = serve.waiting < SERVE_MAX_WAITING;
	if (ok)
		serve.waiting++;
	pthread_mutex_unlock(&serve.waiting_lock);
	if (!ok)
		return -1;
	pthread_mutex_lock(&serve.lock);
	serve_sync_today();
	return 0;
}

void serve_release_lock(void)
{
	pthread_mutex_unlock(&serve.lock);
	pthread_mutex_lock(&serve.waiting_lock);
	serve.waiting--;
	pthread_mutex_unlock(&serve.waiting_lock);
}

/* The page language: the kp_ui cookie, else the region's first language. */
static void pick_ui(struct serve_request *r)
{
	const char *ui = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kp_ui");
	if (ui && (strcmp(ui, "fi") == 0 || strcmp(ui, "sv") == 0 || strcmp(ui, "en") == 0))
		snprintf(r->ui, sizeof(r->ui), "%s", ui);
	else
		snprintf(r->ui, sizeof(r->ui), "%s", serve.default_ui);
}

/* On loopback the Host must name this server (a page elsewhere cannot
 * reach it through DNS rebinding); behind the token any Host will do. */
static int host_ok(struct serve_request *r)
{
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	const char *port = strrchr(serve.host_port, ':');
	char local[80];
	if (serve.need_token)
		return 1;
	if (!host)
		return 0;
	snprintf(local, sizeof(local), "localhost%s", port);
	return strcmp(host, serve.host_port) == 0 || strcmp(host, local) == 0;
}

/* A state-changing request must come from a page of this server. */
static int origin_ok(struct serve_request *r)
{
	const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	size_t n;
	if (!origin || !host)
		return 0;
	if (strncmp(origin, "http://", 7) == 0)
		n = 7;
	else if (strncmp(origin, "https://", 8) == 0)
		n = 8;
	else
		return 0;
	return strcmp(origin + n, host) == 0;
}

/* Sets R's session, or answers (and then R's status is set). The session
 * from the cookie; or, with a token, a new one when the URL
 * carries the right token; or, on loopback without a token, a new one. */
static enum MHD_Result authenticate(struct serve_request *r, int is_get)
{
	const char *token;
	if (serve_session_find(r) == 0)
		return MHD_YES;
	if (!serve.need_token) {
		if (!is_get)
			return serve_error(r, MHD_HTTP_FORBIDDEN, "error.no_session");
		serve_session_new(r);
		return MHD_YES;
	}
	token = serve_arg(r, "token");
	if (is_get && token && serve_token_ok(token)) {
		serve_session_new(r);
		/* the token leaves the address bar and the history at once */
		return serve_redirect(r, r->route->path);
	}
	return serve_error(r, MHD_HTTP_UNAUTHORIZED, "error.token");
}

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *filename, const char *content_type,
				const char *encoding, const char *data, uint64_t off, size_t size)
{
	struct serve_request *r = cls;
	struct serve_field *f = r->n_fields ? &r->fields[r->n_fields - 1] : NULL;
	(void)kind;
	(void)content_type;
	(void)encoding;
	if (!f || strcmp(f->name, key) != 0 || off == 0) {
		if (r->n_fields == SERVE_MAX_FIELDS) {
			r->bad_body = 1;
			return MHD_NO;
		}
		if (!r->fields)
			r->fields = xcalloc(SERVE_MAX_FIELDS, sizeof(*r->fields));
		f = &r->fields[r->n_fields++];
		f->name = xstrdup(key);
		f->is_file = filename != NULL;
		f->value = xstrdup("");
	}
	if (size) {
		/* within the body limit, so the sum cannot overflow */
		f->value = xrealloc(f->value, f->len + size + 1);
		memcpy(f->value + f->len, data, size);
		f->len += size;
		f->value[f->len] = '\0';
	}
	return MHD_YES;
}

static enum MHD_Result method_not_allowed(struct serve_request *r)
{
	struct MHD_Response *resp;
	char *html;
	size_t len;
	FILE *out = open_memstream(&html, &len);
	const char *allow = !r->route->post ? "GET, HEAD" : r->route->get ? "GET, HEAD, POST" : "POST";
	fprintf(out, "<p class=\"error\">%s</p>\n", serve_text(r->ui, "error.method"));
	fclose(out);
	resp = MHD_create_response_from_buffer(len, html, MHD_RESPMEM_MUST_FREE);
	if (!resp)
		return MHD_NO;
	add_headers(r, resp, "text/html; charset=utf-8", NULL);
	MHD_add_response_header(resp, "Allow", allow);
	return queue(r, MHD_HTTP_METHOD_NOT_ALLOWED, resp);
}

static enum MHD_Result begin_post(struct serve_request *r)
{
	const char *length = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Length");
	const char *type = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
	if (!origin_ok(r))
		return serve_error(r, MHD_HTTP_FORBIDDEN, "error.origin");
	r->body_limit = r->route->body_limit;
	if (length && strtoull(length, NULL, 10) > r->body_limit)
		return serve_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "error.too_large");
	if (!type || (strncasecmp(type, "multipart/form-data", 19) != 0 &&
		      strncasecmp(type, "application/x-www-form-urlencoded", 33) != 0))
		return serve_error(r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "error.bad_form");
	r->pp = MHD_create_post_processor(r->conn, 64 * 1024, on_field, r);
	if (!r->pp)
		return serve_error(r, MHD_HTTP_BAD_REQUEST, "error.bad_form");
	return MHD_YES;
}

/* Everything a request is checked for before its handler runs: Host, route,
 * method, session or token; for a POST also origin, size and form type. */
static enum MHD_Result check_and_run(struct serve_request *r)
{
	int is_get = strcmp(r->method_name, "GET") == 0 || strcmp(r->method_name, "HEAD") == 0;
	int is_post = strcmp(r->method_name, "POST") == 0;
	enum MHD_Result ok;
	pick_ui(r);
	if (!host_ok(r))
		return serve_error(r, MHD_HTTP_MISDIRECTED_REQUEST, "error.host");
	if (!r->route)
		return serve_error(r, MHD_HTTP_NOT_FOUND, "error.not_found");
	if ((is_get && !r->route->get) || (is_post && !r->route->post) || (!is_get && !is_post))
		return method_not_allowed(r);
	ok = authenticate(r, is_get);
	if (r->status || ok != MHD_YES)
		return ok;
	if (is_get)
		return r->route->get(r);
	return begin_post(r);
}

enum MHD_Result serve_http_begin(struct serve_request *r)
{
	/* A GET is answered on the next call, when libmicrohttpd knows the
	 * request is complete (answering now would cost the kept-alive
	 * connection); anything else is checked now, before its body is read. */
	if (strcmp(r->method_name, "GET") == 0 || strcmp(r->method_name, "HEAD") == 0)
		return MHD_YES;
	return check_and_run(r);
}

/* A body without a Content-Length (chunked) is known to be too large only
 * while it comes; libmicrohttpd takes no answer during the upload, so the
 * rest is read and dropped and 413 answered at its end (serve_http_finish),
 * unless it goes on past SERVE_MAX_DISCARD. */
int serve_http_body(struct serve_request *r, const char *data, size_t size)
{
	if (r->status)
		return 0; /* answered already: the rest is read and dropped */
	r->body_bytes += size;
	if (r->body_bytes > r->body_limit) {
		r->too_big = 1;
		if (r->body_bytes - r->body_limit > SERVE_MAX_DISCARD) {
			r->status = MHD_HTTP_CONTENT_TOO_LARGE; /* for the access log */
			return -1;
		}
		return 0;
	}
	if (!r->bad_body && MHD_post_process(r->pp, data, size) != MHD_YES)
		r->bad_body = 1;
	return 0;
}

enum MHD_Result serve_http_finish(struct serve_request *r)
{
	if (r->status)
		return MHD_YES;
	if (r->too_big)
		return serve_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "error.too_large");
	if (!r->pp && strcmp(r->method_name, "POST") != 0)
		return check_and_run(r);
	if (r->pp) {
		if (MHD_destroy_post_processor(r->pp) != MHD_YES)
			r->bad_body = 1;
		r->pp = NULL;
	}
	if (r->bad_body || r->n_fields == 0) /* e.g. multipart with no part in it */
		return serve_error(r, MHD_HTTP_BAD_REQUEST, "error.bad_form");
	if (!serve_form_token_ok(r))
		return serve_error(r, MHD_HTTP_FORBIDDEN, "error.form_token");
	return r->route->post(r);
}
