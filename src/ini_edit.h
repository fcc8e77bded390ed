/*
 * ini_edit: a region file edited in place, line by line, the way a person
 * would edit it: a changed value replaces only the text after its '=', a
 * new key goes after the last key of its section, a removed key or section
 * takes only its own lines (a section's comment lines directly above its
 * header go with it), and comments, blank lines and the order of everything
 * else stay as they were. Section and key names compare without case, as
 * iniparser reads them. Checking the result is config.c's job.
 */
#ifndef KP_INI_EDIT_H
#define KP_INI_EDIT_H

#include <stddef.h>

struct ini_doc;

/* Split TEXT into lines (LF or CRLF). Never fails; free with ini_edit_free. */
struct ini_doc *ini_edit_parse(const char *text, size_t len);
void ini_edit_free(struct ini_doc *d);
/* The file as text again (the caller's, NUL-terminated), LF line ends. */
char *ini_edit_text(const struct ini_doc *d, size_t *len);

/* Names of the sections in file order: returns how many; *NAMES[i] stays
 * valid until the next change. */
int ini_edit_sections(const struct ini_doc *d, const char ***names);
/* The value of KEY in SECTION (quotes removed; the caller's), or NULL. */
char *ini_edit_get(const struct ini_doc *d, const char *section, const char *key);
/* Set KEY in SECTION to VALUE; VALUE NULL or "" removes the key. Quotes a
 * value that needs it (';', '#', spaces at an end). Returns 0, or -1 when
 * the section does not exist or VALUE cannot be written on one line (a
 * line break, or a '"' in a value that needs quotes). */
int ini_edit_set(struct ini_doc *d, const char *section, const char *key, const char *value);
/* Add an empty [NAME] after the last section of its kind (the part before
 * the '.'), or at the end. -1 when it exists or NAME is not a-z, 0-9, '_',
 * '-' with at most one '.'. */
int ini_edit_add_section(struct ini_doc *d, const char *name);
/* Remove [NAME] with its keys and the comment lines just above it. */
int ini_edit_remove_section(struct ini_doc *d, const char *name);
/* Swap [NAME] with the previous (DIR < 0) or next (DIR > 0) section of the
 * same kind, each with its comments; -1 when there is none. */
int ini_edit_move_section(struct ini_doc *d, const char *name, int dir);

#endif
