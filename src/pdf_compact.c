/* pdf_compact: object streams and a cross-reference stream; see pdf_compact.h. */
#include "pdf_compact.h"
#include "pdf_compact_internal.h"

#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Objects per object stream: a reader inflates a whole stream to reach one
 * of them; a few hundred compress as well as thousands. */
#define OBJS_PER_STREAM 200

struct out {
	unsigned char *p;
	size_t n, cap;
	/* of the file's output only: */
	z_stream *zs;        /* the deflater (put_deflated) */
	unsigned char *z;    /* the deflated bytes of the stream being written */
	size_t z_cap;
	struct out *head, *body; /* the object stream being made */
	struct pdf_tok prev; /* the token written last, for spacing */
};

static void put(struct out *o, const void *s, size_t n)
{
	if (o->cap - o->n < n) {
		while (o->cap - o->n < n)
			o->cap = o->cap ? o->cap * 2 : 4096;
		o->p = xrealloc(o->p, o->cap);
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
	o->prev.kind = PDF_TOK_END;
}

/* Short formats only: numbers and fixed words (a longer text goes by put). */
static void putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct out *o, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	put(o, buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static int is_octal(unsigned char c)
{
	return c >= '0' && c <= '7';
}

/* Literal string T with each three-digit octal escape of a printable
 * character that needs none written as that character: libharu escapes
 * / < > [ ] { } % # (a URI's every slash as \057). The string's value
 * stays the same (ISO 32000-1 7.3.4.2). */
static void put_literal(struct out *o, const struct pdf_tok *t)
{
	size_t i = 0, from = 0;
	for (; i + 3 < t->n; i++) {
		const unsigned char *e = t->p + i;
		unsigned c;
		if (e[0] != '\\')
			continue;
		if (!is_octal(e[1]) || !is_octal(e[2]) || !is_octal(e[3])) {
			i++; /* \\, \( ...: the escaped byte is not an escape */
			continue;
		}
		c = (unsigned)(e[1] - '0') * 64 + (unsigned)(e[2] - '0') * 8 + (unsigned)(e[3] - '0');
		if (c < 0x20 || c > 0x7E || c == '(' || c == ')' || c == '\\')
			continue;
		put(o, t->p + from, i - from);
		put(o, &(unsigned char){ (unsigned char)c }, 1);
		from = i + 4;
		i += 3;
	}
	put(o, t->p + from, t->n - from);
}

/* Token T, with a space before it only where PDF needs one. */
static void put_token(struct out *o, const struct pdf_tok *t)
{
	struct pdf_tok prev = o->prev;
	if (pdf_tok_need_space(&prev, t))
		put(o, " ", 1);
	if (t->kind == PDF_TOK_STRING && t->p[0] == '(')
		put_literal(o, t);
	else
		put(o, t->p, t->n);
	o->prev = *t;
}

/* The tokens of SPAN of file F, with no white space PDF does not need. */
static void put_span(struct out *o, const struct pdf_file *f, struct pdf_span span)
{
	struct pdf_lexer lx = { f->s, span.from, span.to };
	struct pdf_tok t;
	while (pdf_lex_next(&lx, &t) != PDF_TOK_END)
		put_token(o, &t);
}

/* Stream dictionary of OBJ with its /Length written as a number. */
static void put_stream_dict(struct out *o, const struct pdf_file *f, const struct pdf_obj *obj)
{
	struct pdf_lexer lx = { f->s, obj->val.from, obj->val.to };
	struct pdf_tok t, num;
	char len[24];
	int depth = 0;
	num.kind = PDF_TOK_WORD;
	num.p = (const unsigned char *)len;
	num.n = (size_t)snprintf(len, sizeof(len), "%zu", obj->len);
	while (pdf_lex_next(&lx, &t) != PDF_TOK_END) {
		depth += t.kind == PDF_TOK_OPEN ? 1 : t.kind == PDF_TOK_CLOSE ? -1 : 0;
		put_token(o, &t);
		if (depth == 1 && t.kind == PDF_TOK_NAME && t.n == 7 && !memcmp(t.p, "/Length", 7)) {
			put_token(o, &num);
			pdf_lex_next(&lx, &t); /* the number, or "N 0 R" */
			if (obj->length_ref) {
				pdf_lex_next(&lx, &t);
				pdf_lex_next(&lx, &t);
			}
		}
	}
}

/* A stream as it is, but for its dictionary. */
static void put_stream(struct out *o, const struct pdf_file *f, size_t num)
{
	const struct pdf_obj *obj = &f->objs[num];
	putf(o, "%zu 0 obj\n", num);
	put_stream_dict(o, f, obj);
	put(o, "\nstream\n", 8);
	put(o, f->s + obj->data, obj->len);
	put(o, "\nendstream\nendobj\n", 18);
}

/* The bytes of A then B deflated into O's scratch buffer; their size in
 * *Z_N. One deflater and one buffer serve every stream of a file (a
 * deflater's state is some 270 KB; a large document has hundreds of object
 * streams). */
static int deflate_parts(struct out *o, const struct out *a, const struct out *b, size_t *z_n)
{
	z_stream *zs = o->zs;
	uLong size = deflateBound(zs, (uLong)(a->n + b->n));
	if (o->z_cap < size) {
		o->z = xrealloc(o->z, size);
		o->z_cap = size;
	}
	if (deflateReset(zs) != Z_OK)
		return -1;
	zs->next_out = o->z;
	zs->avail_out = (uInt)size;
	zs->next_in = a->p;
	zs->avail_in = (uInt)a->n;
	if (a->n && deflate(zs, Z_NO_FLUSH) != Z_OK)
		return -1;
	zs->next_in = b->p;
	zs->avail_in = (uInt)b->n;
	if (deflate(zs, Z_FINISH) != Z_STREAM_END)
		return -1;
	*z_n = size - zs->avail_out;
	return 0;
}

/* A stream object NUM of DICT (without /Length) and the bytes of A then B,
 * deflated. */
static int put_deflated(struct out *o, size_t num, const char *dict, const struct out *a,
			const struct out *b)
{
	size_t z_n;
	if (deflate_parts(o, a, b, &z_n) != 0)
		return -1;
	putf(o, "%zu 0 obj\n<<", num);
	put(o, dict, strlen(dict)); /* any length (an /ID), so not through putf */
	putf(o, "/Filter/FlateDecode/Length %zu>>\nstream\n", z_n);
	put(o, o->z, z_n);
	put(o, "\nendstream\nendobj\n", 18);
	return 0;
}

/* Where each object ends up: type 1 at an offset, type 2 in an object stream. */
struct xref_entry {
	unsigned char type;
	size_t field2;  /* offset, or the object stream's number */
	size_t field3;  /* index in the object stream */
};

/* Objects FIRST.. (up to OBJS_PER_STREAM of those that are not streams) into
 * object stream NUM; returns the object number after the last one taken. */
static size_t put_object_stream(struct out *o, const struct pdf_file *f, size_t first,
				size_t num, struct xref_entry *xref, int *err)
{
	struct out *head = o->head, *body = o->body;
	size_t i, n = 0;
	char dict[64];
	head->n = body->n = 0;
	for (i = first; i < f->n_objs && n < OBJS_PER_STREAM; i++) {
		const struct pdf_obj *obj = &f->objs[i];
		if (obj->stream || obj->dropped)
			continue;
		putf(head, "%s%zu %zu", n ? " " : "", i, body->n);
		put_span(body, f, obj->val);
		put(body, "\n", 1);
		xref[i] = (struct xref_entry){ 2, num, n++ };
	}
	put(head, "\n", 1);
	snprintf(dict, sizeof(dict), "/Type/ObjStm/N %zu/First %zu", n, head->n);
	xref[num] = (struct xref_entry){ 1, o->n, 0 };
	if (put_deflated(o, num, dict, head, body) != 0)
		*err = 1;
	return i;
}

static int bytes_for(size_t v)
{
	int n = 1;
	while (v >>= 8)
		n++;
	return n;
}

/* The cross-reference stream NUM (the last object) as the file's trailer:
 * rows of 1 + W2 + W3 bytes, each after PNG's Up predictor (/Predictor 12). */
static int put_xref_stream(struct out *o, const struct pdf_file *f, struct xref_entry *xref,
			   size_t num)
{
	struct out rows = { 0 }, dict = { 0 };
	size_t start = o->n, max2 = start, max3 = 0;
	int w2, w3, rc;
	unsigned char prev[20] = { 0 }, row[20];
	xref[num] = (struct xref_entry){ 1, start, 0 };
	for (size_t i = 0; i <= num; i++) {
		max2 = xref[i].field2 > max2 ? xref[i].field2 : max2;
		max3 = xref[i].field3 > max3 ? xref[i].field3 : max3;
	}
	w2 = bytes_for(max2);
	w3 = bytes_for(max3);
	for (size_t i = 0; i <= num; i++) {
		unsigned char up = 2;
		row[0] = xref[i].type;
		for (int b = 0; b < w2; b++)
			row[1 + b] = (unsigned char)(xref[i].field2 >> (8 * (w2 - 1 - b)));
		for (int b = 0; b < w3; b++)
			row[1 + w2 + b] = (unsigned char)(xref[i].field3 >> (8 * (w3 - 1 - b)));
		put(&rows, &up, 1);
		for (int b = 0; b < 1 + w2 + w3; b++) {
			unsigned char d = (unsigned char)(row[b] - prev[b]);
			put(&rows, &d, 1);
			prev[b] = row[b];
		}
	}
	putf(&dict, "/Type/XRef/Size %zu/W[1 %d %d]/Root ", num + 1, w2, w3);
	put_span(&dict, f, f->root);
	if (f->info.to) {
		put(&dict, "/Info ", 6);
		put_span(&dict, f, f->info);
	}
	if (f->id.to) {
		put(&dict, "/ID", 3);
		put_span(&dict, f, f->id);
	}
	putf(&dict, "/DecodeParms<</Columns %d/Predictor 12>>", 1 + w2 + w3);
	put(&dict, "", 1);
	rc = put_deflated(o, num, (const char *)dict.p, &rows, &(struct out){ 0 });
	putf(o, "startxref\n%zu\n%%%%EOF\n", start);
	free(rows.p);
	free(dict.p);
	return rc;
}

static int write_compact(const struct pdf_file *f, struct out *o)
{
	size_t n_plain = 0, next, num;
	struct xref_entry *xref;
	int err = 0;
	for (size_t i = 1; i < f->n_objs; i++) {
		n_plain += !f->objs[i].stream && !f->objs[i].dropped;
	}
	num = f->n_objs + (n_plain + OBJS_PER_STREAM - 1) / OBJS_PER_STREAM; /* the xref stream */
	xref = calloc(num + 1, sizeof(*xref));
	if (!xref)
		return -1;
	put(o, f->s, f->header);
	for (size_t i = 1; i < f->n_objs; i++) {
		if (!f->objs[i].stream)
			continue;
		xref[i] = (struct xref_entry){ 1, o->n, 0 };
		put_stream(o, f, i);
	}
	next = f->n_objs;
	for (size_t i = 1; !err;) {
		while (i < f->n_objs && (f->objs[i].stream || f->objs[i].dropped))
			i++;
		if (i == f->n_objs)
			break;
		i = put_object_stream(o, f, i, next++, xref, &err);
	}
	if (!err && next != num)
		err = 1;
	if (!err)
		err = put_xref_stream(o, f, xref, num) != 0;
	free(xref);
	return err ? -1 : 0;
}

int pdf_compact(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n,
		const char **why)
{
	struct pdf_file f;
	struct out o = { 0 };
	z_stream zs = { 0 };
	int rc = pdf_file_read(&f, in, n);
	if (rc == 0 && deflateInit(&zs, Z_BEST_COMPRESSION) != Z_OK) {
		f.why = "no deflater";
		rc = -1;
	} else if (rc == 0) {
		struct out head = { 0 }, body = { 0 };
		o.zs = &zs;
		o.head = &head;
		o.body = &body;
		o.cap = n / 2 + 4096; /* the file roughly halves: few reallocations */
		o.p = xmalloc(o.cap);
		if (write_compact(&f, &o) != 0) {
			f.why = "compression failed";
			rc = -1;
		}
		deflateEnd(&zs);
		free(o.z);
		free(head.p);
		free(body.p);
	}
	if (why)
		*why = f.why;
	pdf_file_free(&f);
	if (rc != 0) {
		free(o.p);
		return -1;
	}
	*out = o.p;
	*out_n = o.n;
	return 0;
}
