/* fileio: see fileio.h. */
#include "fileio.h"
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *read_stream(FILE *f, const char *path, const char *what, size_t max_bytes,
			 size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap + 1);

	for (;;) {
		size_t got;
		if (n == cap) {
			if (cap > max_bytes)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		diag_file(DIAG_FATAL, path, 0, 0, "cannot read %s: %s", what, strerror(errno));
		free(buf);
		return NULL;
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
	FILE *f;
	char *buf;

	if (strcmp(path, "-") == 0)
		return read_stream(stdin, "<stdin>", what, max_bytes, len);
	f = fopen(path, "rb");
	if (!f) {
		diag_file(DIAG_ERROR, path, 0, 0, "cannot open %s: %s", what, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_file(DIAG_ERROR, path, 0, 0, "%s is a folder, not a file", what);
		fclose(f);
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
		diag_file(DIAG_ERROR, path, 0, 0, "%s is larger than the limit of %zu bytes",
			  what, max_bytes);
		fclose(f);
		return NULL;
	}
	buf = read_stream(f, path, what, max_bytes, len);
	fclose(f);
	return buf;
}

struct output_file {
	char *path;  /* final path */
	char *temp;  /* temporary path, NULL in stream mode */
	int fd;      /* stream mode descriptor */
	int close_fd;
};

/* Outputs that are not regular files (standard output, /dev/full, pipes) are
 * written directly: renaming onto them would replace the device. */
static int is_special_target(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

struct output_file *output_open(const char *path)
{
	struct output_file *o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->fd = -1;
	if (strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		return o;
	}
	if (is_special_target(path)) {
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			diag_file(DIAG_ERROR, path, 0, 0, "output is a folder, not a file");
			free(o->path);
			free(o);
			return NULL;
		}
		o->fd = open(path, O_WRONLY | O_TRUNC);
		if (o->fd < 0) {
			diag_file(DIAG_FATAL, path, 0, 0, "cannot write output: %s", strerror(errno));
			free(o->path);
			free(o);
			return NULL;
		}
		o->close_fd = 1;
		return o;
	}
	{
		size_t n = strlen(path) + 32;
		const char *slash = strrchr(path, '/');
		int fd;
		o->temp = xmalloc(n);
		/* A hidden name in the same folder, so rename() stays atomic. */
		if (slash)
			snprintf(o->temp, n, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
		else
			snprintf(o->temp, n, ".%s.XXXXXX", path);
		fd = mkstemp(o->temp);
		if (fd < 0) {
			diag_file(DIAG_FATAL, path, 0, 0, "cannot write output: %s", strerror(errno));
			free(o->temp);
			free(o->path);
			free(o);
			return NULL;
		}
		{
			mode_t mask = umask(0);
			umask(mask);
			/* mkstemp makes 0600; give the usual permissions. */
			if (fchmod(fd, 0666 & ~mask) != 0) {
				/* harmless: the file stays private */
			}
		}
		close(fd);
	}
	return o;
}

const char *output_temp_path(const struct output_file *o)
{
	return o->temp;
}

int output_write(struct output_file *o, const void *data, size_t n)
{
	const char *p = data;
	if (o->temp && o->fd < 0) {
		/* Temporary-file mode written through here: every write() is
		 * checked, unlike a library's buffered stdio (a full disk must
		 * not leave a short file that is then renamed into place). */
		o->fd = open(o->temp, O_WRONLY | O_TRUNC | O_CLOEXEC);
		if (o->fd < 0) {
			diag_file(DIAG_FATAL, o->path, 0, 0, "cannot write output: %s",
				  strerror(errno));
			return -1;
		}
		o->close_fd = 1;
	}
	while (n > 0) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_file(DIAG_FATAL, strcmp(o->path, "-") ? o->path : "<stdout>", 0, 0,
				  "cannot write output: %s", strerror(w < 0 ? errno : EIO));
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void output_free(struct output_file *o)
{
	if (o->close_fd)
		close(o->fd);
	free(o->temp);
	free(o->path);
	free(o);
}

int output_commit(struct output_file *o)
{
	int rc = 0;
	if (o->temp) {
		int fd = o->fd >= 0 ? o->fd : open(o->temp, O_RDONLY);
		/* close() can report a delayed write error: check it before rename. */
		int failed = fd < 0 || fsync(fd) != 0;
		if (fd >= 0 && close(fd) != 0)
			failed = 1;
		o->close_fd = 0;
		if (failed || rename(o->temp, o->path) != 0) {
			diag_file(DIAG_FATAL, o->path, 0, 0, "cannot write output: %s",
				  strerror(errno));
			unlink(o->temp);
			rc = -1;
		}
	} else if (o->close_fd && close(o->fd) != 0) {
		diag_file(DIAG_FATAL, o->path, 0, 0, "cannot write output: %s", strerror(errno));
		o->close_fd = 0;
		rc = -1;
	} else {
		o->close_fd = 0;
	}
	output_free(o);
	return rc;
}

void output_abort(struct output_file *o)
{
	if (o->temp)
		unlink(o->temp);
	output_free(o);
}
