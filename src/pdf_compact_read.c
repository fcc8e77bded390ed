/* pdf_compact_read: libharu's finished file read back into its objects
 * (pdf_compact_internal.h). Only what libharu writes is accepted: one xref
 * table at startxref, every entry in use with generation 0 (but object 0),
 * each offset at "N 0 obj", one value per object, a stream's data ending
 * where its length says. */
#include "pdf_compact_internal.h"

#include "diag.h"

#include <stdlib.h>
#include <string.h>

static int refuse(struct pdf_file *f, const char *why)
{
	if (!f->why)
		f->why = why;
	return -1;
}

/* Note a reference to object NUM; one outside the table is refused. */
static void count_ref(struct pdf_file *f, size_t num)
{
	if (num == 0 || num >= f->n_objs)
		refuse(f, "a reference to an object not in the file");
	else
		f->objs[num].refs++;
}

/* Whether the next two tokens make "NUM 0 R" of the number already read;
 * moves past them when they do. */
static int take_ref_tail(struct pdf_lexer *lx)
{
	struct pdf_lexer look = *lx;
	struct pdf_tok gen, r;
	size_t g;
	if (pdf_lex_next(&look, &gen) == PDF_TOK_WORD && pdf_tok_uint(&gen, &g) && g == 0 &&
	    pdf_lex_next(&look, &r) == PDF_TOK_WORD && pdf_tok_is(&r, "R")) {
		*lx = look;
		return 1;
	}
	return 0;
}

/* One value from LX: a token, "N 0 R", or a dictionary or array with all
 * it holds; its bytes are [*FROM, *TO). References in it are counted when
 * COUNT. Returns 0, or -1 when it is not a value. */
static int read_value(struct pdf_file *f, struct pdf_lexer *lx, size_t *from, size_t *to, int count)
{
	struct pdf_tok t;
	size_t num;
	char open[32]; /* '<' or '[' of each dictionary or array still open */
	int depth = 0, first = 1;
	do {
		switch (pdf_lex_next(lx, &t)) {
		case PDF_TOK_END:
		case PDF_TOK_BAD:
			return refuse(f, "not PDF syntax");
		case PDF_TOK_OPEN:
			if (depth == (int)sizeof(open))
				return refuse(f, "dictionaries or arrays nested too deep");
			open[depth++] = (char)t.p[0];
			break;
		case PDF_TOK_CLOSE:
			if (depth == 0 || open[--depth] != (t.p[0] == '>' ? '<' : '['))
				return refuse(f, "an unbalanced dictionary or array");
			break;
		case PDF_TOK_WORD:
			if (pdf_tok_is(&t, "obj") || pdf_tok_is(&t, "endobj") ||
			    pdf_tok_is(&t, "stream") || pdf_tok_is(&t, "endstream"))
				return refuse(f, "an object not closed");
			if (pdf_tok_uint(&t, &num) && take_ref_tail(lx) && count)
				count_ref(f, num);
			break;
		default:
			break;
		}
		if (first)
			*from = (size_t)(t.p - lx->s);
		first = 0;
	} while (depth > 0);
	*to = lx->pos;
	return f->why ? -1 : 0;
}

static int expect_word(struct pdf_lexer *lx, const char *word)
{
	struct pdf_tok t;
	return pdf_lex_next(lx, &t) == PDF_TOK_WORD && pdf_tok_is(&t, word);
}

/* The number after "startxref" near the end. */
static int find_xref(struct pdf_file *f, size_t *xref)
{
	static const char key[] = "startxref";
	size_t tail = f->n < 64 ? f->n : 64;
	struct pdf_lexer lx = { f->s, 0, f->n };
	struct pdf_tok t;
	for (size_t i = f->n - tail; i + sizeof(key) - 1 <= f->n; i++) {
		if (memcmp(f->s + i, key, sizeof(key) - 1) != 0)
			continue;
		lx.pos = i + sizeof(key) - 1;
		if (pdf_lex_next(&lx, &t) == PDF_TOK_WORD && pdf_tok_uint(&t, xref) && *xref < i)
			return 0;
	}
	return refuse(f, "no startxref");
}

static int digits(const unsigned char *p, int n, size_t *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		*v = *v * 10 + (size_t)(p[i] - '0');
	}
	return 1;
}

/* Entry I of the table at P: "oooooooooo ggggg n" and a two-byte end of line. */
static int read_entry(struct pdf_file *f, const unsigned char *p, size_t i, size_t xref)
{
	size_t off, gen;
	if (!digits(p, 10, &off) || p[10] != ' ' || !digits(p + 11, 5, &gen) || p[16] != ' ')
		return refuse(f, "a cross-reference entry not as libharu writes it");
	if (i == 0)
		return p[17] == 'f' ? 0 : refuse(f, "object 0 is not free");
	if (p[17] != 'n' || gen != 0 || off < f->header || off >= xref)
		return refuse(f, "an object not in use or of another generation");
	f->objs[i].off = off;
	return 0;
}

/* "xref", "0 N", N entries; the lexer is left after them. */
static int read_table(struct pdf_file *f, struct pdf_lexer *lx, size_t xref)
{
	struct pdf_tok t;
	size_t first, count;
	lx->pos = xref;
	if (!expect_word(lx, "xref") || pdf_lex_next(lx, &t) != PDF_TOK_WORD ||
	    !pdf_tok_uint(&t, &first) || first != 0 || pdf_lex_next(lx, &t) != PDF_TOK_WORD ||
	    !pdf_tok_uint(&t, &count) || count < 2)
		return refuse(f, "no cross-reference table at startxref");
	while (lx->pos < f->n && (f->s[lx->pos] == '\r' || f->s[lx->pos] == '\n'))
		lx->pos++;
	if (count > (f->n - lx->pos) / 20)
		return refuse(f, "a cross-reference table longer than the file");
	f->n_objs = count;
	f->objs = calloc(count, sizeof(*f->objs));
	if (!f->objs)
		return refuse(f, "out of memory");
	for (size_t i = 0; i < count; i++, lx->pos += 20)
		if (read_entry(f, f->s + lx->pos, i, xref) != 0)
			return -1;
	return 0;
}

/* The trailer: /Root, /Info, /ID kept, /Size ignored, anything else refused. */
static int read_trailer(struct pdf_file *f, struct pdf_lexer *lx)
{
	struct pdf_tok t;
	if (!expect_word(lx, "trailer") || pdf_lex_next(lx, &t) != PDF_TOK_OPEN || t.n != 2)
		return refuse(f, "no trailer");
	while (pdf_lex_next(lx, &t) == PDF_TOK_NAME) {
		struct pdf_span *keep = NULL, skip;
		if (t.n == 5 && memcmp(t.p, "/Root", 5) == 0)
			keep = &f->root;
		else if (t.n == 5 && memcmp(t.p, "/Info", 5) == 0)
			keep = &f->info;
		else if (t.n == 3 && memcmp(t.p, "/ID", 3) == 0)
			keep = &f->id;
		else if (!(t.n == 5 && memcmp(t.p, "/Size", 5) == 0))
			return refuse(f, "a trailer entry libharu does not write");
		if (!keep)
			keep = &skip;
		if (read_value(f, lx, &keep->from, &keep->to, 1) != 0)
			return -1;
	}
	if (t.kind != PDF_TOK_CLOSE || !f->root.to)
		return refuse(f, "a trailer without /Root");
	return 0;
}

/* In stream dictionary O: its /Length, a number or "N 0 R". */
static int read_length(struct pdf_file *f, struct pdf_obj *o)
{
	struct pdf_lexer lx = { f->s, o->val.from, o->val.to };
	struct pdf_tok t;
	pdf_lex_next(&lx, &t); /* << */
	while (pdf_lex_next(&lx, &t) == PDF_TOK_NAME) {
		struct pdf_lexer v = lx;
		struct pdf_tok num;
		size_t from, to;
		if (read_value(f, &lx, &from, &to, 0) != 0)
			return -1;
		if (t.n != 7 || memcmp(t.p, "/Length", 7) != 0)
			continue;
		pdf_lex_next(&v, &num);
		if (!pdf_tok_uint(&num, &o->len))
			break;
		if (v.pos < to)
			o->length_ref = o->len, o->len = 0;
		return 0;
	}
	return refuse(f, "a stream without a /Length");
}

/* Object NUM at its offset: "NUM 0 obj", a value, then endobj or a stream. */
static int read_object(struct pdf_file *f, size_t num, size_t xref)
{
	struct pdf_obj *o = &f->objs[num];
	struct pdf_lexer lx = { f->s, o->off, xref };
	struct pdf_tok t;
	size_t n;
	if (pdf_lex_next(&lx, &t) != PDF_TOK_WORD || !pdf_tok_uint(&t, &n) || n != num ||
	    !expect_word(&lx, "0") || !expect_word(&lx, "obj"))
		return refuse(f, "an offset that does not point at its object");
	if (read_value(f, &lx, &o->val.from, &o->val.to, 1) != 0)
		return -1;
	if (pdf_lex_next(&lx, &t) != PDF_TOK_WORD)
		return refuse(f, "an object with more than one value");
	if (pdf_tok_is(&t, "endobj"))
		return 0;
	if (!pdf_tok_is(&t, "stream") || f->s[o->val.from] != '<')
		return refuse(f, "an object with more than one value");
	o->stream = 1;
	if (lx.pos + 1 < xref && f->s[lx.pos] == '\r' && f->s[lx.pos + 1] == '\n')
		o->data = lx.pos + 2;
	else if (lx.pos < xref && f->s[lx.pos] == '\n')
		o->data = lx.pos + 1;
	else
		return refuse(f, "no end of line after stream");
	return read_length(f, o);
}

/* Stream O's data ends where its length says: then endstream, endobj. */
static int check_stream_end(struct pdf_file *f, struct pdf_obj *o, size_t xref)
{
	struct pdf_lexer lx = { f->s, 0, xref };
	if (o->length_ref) {
		struct pdf_obj *l = &f->objs[o->length_ref];
		struct pdf_lexer v = { f->s, l->val.from, l->val.to };
		struct pdf_tok t;
		if (l->stream || pdf_lex_next(&v, &t) != PDF_TOK_WORD || !pdf_tok_uint(&t, &o->len))
			return refuse(f, "a stream length that is not a number");
		l->dropped = l->refs == 1; /* only this stream needs it */
	}
	if (o->len > xref - o->data)
		return refuse(f, "a stream longer than the file");
	lx.pos = o->data + o->len;
	if (!expect_word(&lx, "endstream") || !expect_word(&lx, "endobj"))
		return refuse(f, "a stream whose length does not end at endstream");
	return 0;
}

int pdf_file_read(struct pdf_file *f, const unsigned char *s, size_t n)
{
	struct pdf_lexer lx = { s, 0, n };
	const unsigned char *eol;
	size_t xref;
	memset(f, 0, sizeof(*f));
	f->s = s;
	f->n = n;
	if (n < 32 || memcmp(s, "%PDF-", 5) != 0 ||
	    !((s[5] == '1' && s[6] == '.' && s[7] >= '5' && s[7] <= '9') || s[5] == '2'))
		return refuse(f, "not a PDF of version 1.5 or later");
	eol = memchr(s, '\n', n);
	if (!eol || eol - s < 8)
		return refuse(f, "not a PDF header");
	f->header = (size_t)(eol - s) + 1;
	while (f->header < n && s[f->header] == '%') { /* the binary comment line */
		eol = memchr(s + f->header, '\n', n - f->header);
		if (!eol)
			return refuse(f, "not a PDF header");
		f->header = (size_t)(eol - s) + 1;
	}
	if (find_xref(f, &xref) != 0 || read_table(f, &lx, xref) != 0 || read_trailer(f, &lx) != 0)
		return -1;
	for (size_t i = 1; i < f->n_objs; i++)
		if (read_object(f, i, xref) != 0)
			return -1;
	for (size_t i = 1; i < f->n_objs; i++)
		if (f->objs[i].stream && check_stream_end(f, &f->objs[i], xref) != 0)
			return -1;
	return f->why ? -1 : 0;
}

void pdf_file_free(struct pdf_file *f)
{
	free(f->objs);
	f->objs = NULL;
}
