/*
 * fileio: reading whole input files with limits, and writing output files
 * atomically (temporary file in the target folder, then rename), so that on
 * any error no output is left and an existing file stays untouched.
 */
#ifndef KP_FILEIO_H
#define KP_FILEIO_H

#include <stddef.h>

/* Read PATH ("-" = standard input) into a NUL-terminated buffer owned by the
 * caller. Reports missing files, folders, files over MAX_BYTES and read errors
 * through diag (naming PATH and WHAT, e.g. "template") and returns NULL. */
char *file_read_all(const char *path, const char *what, size_t max_bytes, size_t *len);

/* An output being written: either a temporary file renamed on commit, or a
 * direct stream (standard output, devices). */
struct output_file;

/* Open an output for PATH ("-" = standard output). NULL after reporting. */
struct output_file *output_open(const char *path);
/* The path to write to now (the temporary file), or NULL for stream mode. */
const char *output_temp_path(const struct output_file *o);
/* Write bytes in stream mode; returns 0 or -1 after reporting. */
int output_write(struct output_file *o, const void *data, size_t n);
/* Finish: fsync and rename into place. Returns 0 or -1 after reporting
 * (the temporary file is then removed). Frees O. */
int output_commit(struct output_file *o);
/* Give up: remove the temporary file. Frees O. */
void output_abort(struct output_file *o);

#endif
