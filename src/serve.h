/*
 * serve: "kaikuprint serve", the region's documents from a web page, on
 * libmicrohttpd. Module index:
 *   serve.c          the daemon: options, limits, routes, access log, SIGTERM
 *   serve_http.c     one request: headers, cookies, origin, bodies, responses
 *   serve_session.c  sessions, the access token and per-session form tokens
 *   serve_web.c      the page templates and UI strings of templates/web/
 *   serve_docs.c     the document list, PDF downloads and SVG previews
 *   serve_region.c   the region editor (ini_edit.c edits the file by line)
 *   serve_cards.c    card sheets from an uploaded holder list, in memory only
 *   serve_mhd.c      libmicrohttpd, loaded when serve starts (not linked)
 */
#ifndef KP_SERVE_H
#define KP_SERVE_H

struct serve_options {
	const char *config_path;   /* the region file, edited in place */
	const char *listen;        /* "ADDR:PORT"; NULL: 127.0.0.1:8080 */
	const char *token_file;    /* the access token, or NULL (loopback only) */
	const char *templates_dir; /* templates/, with web/ inside */
	const char *fonts_dir;
	int timeout;               /* seconds a connection may stay idle; 0: default */
	const char *today;         /* the day of printing, YYYY-MM-DD (checked by the
				    * caller); NULL: the clock's date at each request */
};

/* Run until SIGTERM or SIGINT. Returns the exit status. */
int serve_main(const struct serve_options *opt);

#endif
