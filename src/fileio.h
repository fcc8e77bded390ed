/*
 * fileio: the one rule for inputs and the one rule for outputs.
 *
 * Inputs are regular files only (or "-", standard input): opened without
 * blocking (a FIFO or device never hangs the run), checked with fstat, their
 * size checked before reading. Every input is remembered by device and inode.
 *
 * Outputs are regular files or "-" (standard output), never a device, pipe
 * or socket, and never an input of the same run (compared by device and
 * inode after resolving links). A file output is written to a temporary file
 * (mode 0600) in the target's folder. Between output_batch_begin() and
 * output_batch_end() nothing is renamed into place (nor sent to standard
 * output) until every output of the run succeeded: all or nothing. SIGINT,
 * SIGTERM and SIGHUP remove the temporary files before the program dies.
 */
#ifndef KP_FILEIO_H
#define KP_FILEIO_H

#include <stddef.h>

/* Read PATH ("-" = standard input) into a NUL-terminated buffer owned by the
 * caller. Reports missing files, folders, special files, files over
 * MAX_BYTES and read errors through diag (naming PATH and WHAT, e.g.
 * "template") and returns NULL. */
char *file_read_all(const char *path, const char *what, size_t max_bytes, size_t *len);

/* Open PATH for reading under the input rule: returns a descriptor (the
 * caller closes it), or -1 with *WHY set to a short explanation ("not a
 * regular file (a device, pipe or socket)", "a folder, not a file", or the
 * system's reason). The file is remembered as an input of this run. */
int input_open(const char *path, const char **why);
/* Remember PATH, read by a library (the schema, dictionaries), as an input of
 * this run; a path that does not exist is ignored. */
void input_note(const char *path);
/* PATH is no longer an input: a program that edits a file it read (the web
 * server's region editor) may then replace it. */
void input_forget(const char *path);

/* An output being written: either a temporary file renamed on commit, or a
 * direct stream (standard output). */
struct output_file;

/* Open an output for PATH ("-" = standard output). NULL after reporting. */
struct output_file *output_open(const char *path);
/* The path to write to now (the temporary file), or NULL for stream mode. */
const char *output_temp_path(const struct output_file *o);
/* Write bytes; returns 0 or -1 after reporting. */
int output_write(struct output_file *o, const void *data, size_t n);
/* Finish: fsync and rename into place (inside a batch: at output_batch_end).
 * Returns 0 or -1 after reporting (the temporary file is then removed).
 * Frees O. */
int output_commit(struct output_file *o);
/* Give up: remove the temporary file. Frees O. */
void output_abort(struct output_file *o);

/* Outputs committed from now on wait for output_batch_end. */
void output_batch_begin(void);
/* OK != 0: rename every waiting output into place (after checking again that
 * none is an input) and send standard output; returns 0, or -1 after
 * reporting. OK == 0: remove them all; returns -1. */
int output_batch_end(int ok);

#endif
