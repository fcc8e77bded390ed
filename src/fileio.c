/* fileio: see fileio.h. */
#include "fileio.h"
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- inputs ---- */

/* Every input of this run, by device and inode. */
static struct input_id {
	dev_t dev;
	ino_t ino;
} *inputs;
static int n_inputs;

static void remember_input(const struct stat *st)
{
	for (int i = 0; i < n_inputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return;
	inputs = xrealloc(inputs, (size_t)(n_inputs + 1) * sizeof(*inputs));
	inputs[n_inputs].dev = st->st_dev;
	inputs[n_inputs++].ino = st->st_ino;
}

static int is_input(const struct stat *st)
{
	for (int i = 0; i < n_inputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return 1;
	return 0;
}

void input_note(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		remember_input(&st);
}

void input_forget(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	for (int i = 0; i < n_inputs; i++)
		if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino)
			inputs[i] = inputs[--n_inputs];
}

int input_open(const char *path, const char **why)
{
	struct stat st;
	/* O_NONBLOCK: opening a FIFO with no writer would wait forever. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "a folder, not a file"
					   : "not a regular file (a device, pipe or socket)";
		close(fd);
		return -1;
	}
	/* Reads from a regular file never block; clear the flag all the same. */
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	remember_input(&st);
	return fd;
}

static char *read_fd(int fd, const char *path, const char *what, size_t max_bytes,
		     size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap + 1);

	for (;;) {
		ssize_t got;
		if (n == cap) {
			if (cap > max_bytes)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			diag_file(DIAG_FATAL, path, 0, 0, "cannot read %s: %s", what,
				  strerror(errno));
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max_bytes) {
		diag_file(DIAG_ERROR, path, 0, 0, "%s is larger than the limit of %zu bytes",
			  what, max_bytes);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *file_read_all(const char *path, const char *what, size_t max_bytes, size_t *len)
{
	struct stat st;
	const char *why;
	char *buf;
	int fd;

	if (strcmp(path, "-") == 0) {
		if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
			remember_input(&st); /* -o must not replace a redirected file */
		return read_fd(STDIN_FILENO, "<stdin>", what, max_bytes, len);
	}
	fd = input_open(path, &why);
	if (fd < 0) {
		if (strcmp(why, "a folder, not a file") == 0)
			diag_file(DIAG_ERROR, path, 0, 0, "%s is a folder, not a file", what);
		else
			diag_file(DIAG_ERROR, path, 0, 0, "cannot open %s: %s", what, why);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && (size_t)st.st_size > max_bytes) {
		diag_file(DIAG_ERROR, path, 0, 0, "%s is larger than the limit of %zu bytes",
			  what, max_bytes);
		close(fd);
		return NULL;
	}
	buf = read_fd(fd, path, what, max_bytes, len);
	close(fd);
	return buf;
}

/* ---- temporary files and signals ---- */

/* Temporary files that exist now; the signal handler removes them. Changed
 * only with the three signals blocked, so the handler sees a whole list. */
static char **temps;
static volatile sig_atomic_t n_temps;
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void on_signal(int sig)
{
	for (sig_atomic_t i = 0; i < n_temps; i++)
		unlink(temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void install_handlers(void)
{
	static int installed;
	if (installed)
		return;
	installed = 1;
	for (size_t i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue; /* started with the signal ignored (nohup): keep it so */
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static void temp_register(char *path)
{
	sigset_t old;
	char **grown;
	install_handlers();
	block_signals(&old);
	grown = realloc(temps, (size_t)(n_temps + 1) * sizeof(*temps));
	if (grown) {
		temps = grown;
		temps[n_temps] = path;
		n_temps = n_temps + 1;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (!grown)
		diag_plain(DIAG_FATAL, "out of memory");
}

/* Forget PATH (renamed or removed). */
static void temp_forget(const char *path)
{
	sigset_t old;
	block_signals(&old);
	for (sig_atomic_t i = 0; i < n_temps; i++) {
		if (temps[i] == path) {
			temps[i] = temps[n_temps - 1];
			n_temps = n_temps - 1;
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- outputs ---- */

struct output_file {
	char *path;   /* the final path, links resolved */
	char *shown;  /* the path as given, for messages */
	char *temp;   /* temporary path, NULL in stream mode */
	int fd;       /* open descriptor of the temporary file or stream */
	int close_fd;
	char *held;   /* stream mode in a batch: the bytes, sent at the end */
	size_t n_held, cap_held;
};

static int batch_active;
static struct output_file **waiting;
static int n_waiting;

static void output_free(struct output_file *o)
{
	if (o->close_fd)
		close(o->fd);
	if (o->temp)
		temp_forget(o->temp);
	free(o->temp);
	free(o->path);
	free(o->shown);
	free(o->held);
	free(o);
}

/* The path to write: links resolved, so that a link is followed rather than
 * replaced, and checked to be (or become) a regular file. NULL after
 * reporting. */
static char *resolve_output(const char *path)
{
	struct stat st;
	char *real;
	if (path[0] == '\0') {
		diag_plain(DIAG_ERROR, "the output name is empty");
		return NULL;
	}
	if (lstat(path, &st) != 0)
		return xstrdup(path); /* a new file */
	if (S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (!real || stat(real, &st) != 0) {
			diag_file(DIAG_ERROR, path, 0, 0,
				  "output is a link to something that is not a file");
			free(real);
			return NULL;
		}
	} else {
		real = xstrdup(path);
	}
	if (S_ISDIR(st.st_mode)) {
		diag_file(DIAG_ERROR, path, 0, 0, "output is a folder, not a file");
	} else if (!S_ISREG(st.st_mode)) {
		diag_file(DIAG_ERROR, path, 0, 0,
			  "output is not a regular file (a device, pipe or socket); "
			  "use '-' for standard output");
	} else if (is_input(&st)) {
		diag_file(DIAG_ERROR, path, 0, 0,
			  "output would replace an input of this run; choose another name");
	} else {
		return real;
	}
	free(real);
	return NULL;
}

static int make_temp(struct output_file *o)
{
	const char *slash = strrchr(o->path, '/');
	size_t n = strlen(o->path) + 32;
	sigset_t old;
	int fd;
	o->temp = xmalloc(n);
	/* A short hidden name in the target's folder: rename() stays atomic, and
	 * a 255-byte output name still leaves room. mkstemp makes it 0600. */
	if (slash)
		snprintf(o->temp, n, "%.*s/.kaikuprint-XXXXXX", (int)(slash - o->path), o->path);
	else
		snprintf(o->temp, n, ".kaikuprint-XXXXXX");
	/* no signal between making the file and listing it for the handler (the
	 * first listing installs the handler): it would leave the file behind */
	block_signals(&old);
	fd = mkstemp(o->temp);
	if (fd >= 0)
		temp_register(o->temp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		diag_file(DIAG_FATAL, o->shown, 0, 0, "cannot write output: %s", strerror(errno));
		free(o->temp);
		o->temp = NULL;
		return -1;
	}
	o->fd = fd;
	o->close_fd = 1;
	return 0;
}

struct output_file *output_open(const char *path)
{
	struct output_file *o = xcalloc(1, sizeof(*o));
	o->shown = xstrdup(strcmp(path, "-") ? path : "<stdout>");
	o->fd = -1;
	if (strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		return o;
	}
	o->path = resolve_output(path);
	if (!o->path || make_temp(o) != 0) {
		output_free(o);
		return NULL;
	}
	return o;
}

const char *output_temp_path(const struct output_file *o)
{
	return o->temp;
}

static int write_all(int fd, const char *p, size_t n, const char *shown)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_file(DIAG_FATAL, shown, 0, 0, "cannot write output: %s",
				  strerror(w < 0 ? errno : EIO));
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int output_write(struct output_file *o, const void *data, size_t n)
{
	if (!o->temp && batch_active) {
		/* standard output cannot be taken back: hold it until the end */
		if (o->n_held + n > o->cap_held) {
			o->cap_held = (o->n_held + n) * 2;
			o->held = xrealloc(o->held, o->cap_held);
		}
		memcpy(o->held + o->n_held, data, n);
		o->n_held += n;
		return 0;
	}
	/* Every write() is checked, unlike a library's buffered stdio: a full
	 * disk must not leave a short file that is then renamed into place. */
	return write_all(o->fd, data, n, o->shown);
}

/* Rename the finished temporary file into place; 0 or -1 after reporting. */
static int put_in_place(struct output_file *o)
{
	struct stat st;
	mode_t mask = umask(0);
	umask(mask);
	if (!o->temp) {
		int rc = o->held ? write_all(o->fd, o->held, o->n_held, o->shown) : 0;
		if (rc == 0 && o->close_fd && close(o->fd) != 0) {
			diag_file(DIAG_FATAL, o->shown, 0, 0, "cannot write output: %s",
				  strerror(errno));
			rc = -1;
		}
		o->close_fd = 0;
		return rc;
	}
	/* An input read after the output was opened (an image, a font) is
	 * checked here, just before it could be replaced. */
	if (stat(o->path, &st) == 0 && is_input(&st)) {
		diag_file(DIAG_ERROR, o->shown, 0, 0,
			  "output would replace an input of this run; choose another name");
		unlink(o->temp);
		return -1;
	}
	/* The finished file gets the usual permissions only now. */
	if (chmod(o->temp, 0666 & ~mask) != 0 || rename(o->temp, o->path) != 0) {
		diag_file(DIAG_FATAL, o->shown, 0, 0, "cannot write output: %s", strerror(errno));
		unlink(o->temp);
		return -1;
	}
	return 0;
}

int output_commit(struct output_file *o)
{
	int rc = 0;
	if (o->temp) {
		/* close() can report a delayed write error: check it before rename. */
		int failed = fsync(o->fd) != 0;
		if (close(o->fd) != 0)
			failed = 1;
		o->close_fd = 0;
		if (failed) {
			diag_file(DIAG_FATAL, o->shown, 0, 0, "cannot write output: %s",
				  strerror(errno));
			unlink(o->temp);
			output_free(o);
			return -1;
		}
	}
	if (batch_active) {
		waiting = xrealloc(waiting, (size_t)(n_waiting + 1) * sizeof(*waiting));
		waiting[n_waiting++] = o;
		return 0;
	}
	rc = put_in_place(o);
	output_free(o);
	return rc;
}

void output_abort(struct output_file *o)
{
	if (o->temp) {
		if (o->close_fd)
			close(o->fd);
		o->close_fd = 0;
		unlink(o->temp);
	}
	output_free(o);
}

void output_batch_begin(void)
{
	batch_active = 1;
}

int output_batch_end(int ok)
{
	int rc = ok ? 0 : -1;
	batch_active = 0;
	/* First every file, so that a late problem leaves nothing half done. */
	for (int i = 0; i < n_waiting; i++) {
		struct stat st;
		struct output_file *o = waiting[i];
		if (rc == 0 && o->temp && stat(o->path, &st) == 0 && is_input(&st)) {
			diag_file(DIAG_ERROR, o->shown, 0, 0,
				  "output would replace an input of this run; choose another name");
			rc = -1;
		}
	}
	for (int i = 0; i < n_waiting; i++) {
		struct output_file *o = waiting[i];
		if (rc == 0)
			rc = put_in_place(o);
		else if (o->temp)
			unlink(o->temp);
		output_free(o);
	}
	free(waiting);
	waiting = NULL;
	n_waiting = 0;
	return rc;
}
