/* serve_session: sessions in memory only. A session is a random id in an
 * HttpOnly, SameSite=Strict cookie and a random form token that every POST
 * must carry; the access token, when there is one, is asked for once and
 * then the cookie stands for it. The oldest session gives way to a new one. */
#include "serve_internal.h"

#include <string.h>
#include <sys/random.h>
#include <time.h>

enum { MAX_SESSIONS = 256, SESSION_IDLE = 12 * 3600 };

struct session {
	char id[SERVE_TOKEN_HEX + 1];
	char form_token[SERVE_TOKEN_HEX + 1];
	time_t last_used;
};

static struct session sessions[MAX_SESSIONS];
static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;

int serve_random_hex(char *out, size_t bytes)
{
	unsigned char raw[64];
	if (bytes > sizeof(raw) || getrandom(raw, bytes, 0) != (ssize_t)bytes)
		return -1;
	for (size_t i = 0; i < bytes; i++)
		sprintf(out + 2 * i, "%02x", raw[i]);
	explicit_bzero(raw, sizeof(raw));
	return 0;
}

/* Compare without stopping at the first difference. */
static int same_secret(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned diff = la != lb;
	for (size_t i = 0; i < la && i < lb; i++)
		diff |= (unsigned char)a[i] ^ (unsigned char)b[i];
	return diff == 0;
}

int serve_token_ok(const char *given)
{
	return serve.need_token && same_secret(given, serve.token);
}

int serve_session_find(struct serve_request *r)
{
	const char *id = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kp_session");
	time_t now = time(NULL);
	int found = -1;
	if (!id || strlen(id) != SERVE_TOKEN_HEX)
		return -1;
	pthread_mutex_lock(&sessions_lock);
	for (int i = 0; i < MAX_SESSIONS; i++) {
		struct session *s = &sessions[i];
		if (s->id[0] && now - s->last_used < SESSION_IDLE && same_secret(s->id, id)) {
			s->last_used = now;
			memcpy(r->session, s->id, sizeof(r->session));
			memcpy(r->form_token, s->form_token, sizeof(r->form_token));
			found = 0;
			break;
		}
	}
	pthread_mutex_unlock(&sessions_lock);
	return found;
}

void serve_session_new(struct serve_request *r)
{
	struct session *oldest = &sessions[0];
	if (serve_random_hex(r->session, SERVE_TOKEN_HEX / 2) != 0 ||
	    serve_random_hex(r->form_token, SERVE_TOKEN_HEX / 2) != 0) {
		r->session[0] = '\0'; /* no randomness: no session, so no POST either */
		return;
	}
	pthread_mutex_lock(&sessions_lock);
	for (int i = 1; i < MAX_SESSIONS; i++)
		if (sessions[i].last_used < oldest->last_used)
			oldest = &sessions[i];
	memcpy(oldest->id, r->session, sizeof(oldest->id));
	memcpy(oldest->form_token, r->form_token, sizeof(oldest->form_token));
	oldest->last_used = time(NULL);
	pthread_mutex_unlock(&sessions_lock);
	r->new_session = 1;
}

int serve_form_token_ok(const struct serve_request *r)
{
	const char *given = serve_field(r, "form_token");
	return r->form_token[0] && given && same_secret(given, r->form_token);
}

void serve_sessions_free(void)
{
	explicit_bzero(sessions, sizeof(sessions));
}
