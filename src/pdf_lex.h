/*
 * pdf_lex: the tokens of PDF syntax (ISO 32000-1 7.2, 7.3), enough to read
 * back the objects libharu wrote (pdf_compact.c). A token is a span of the
 * caller's bytes; nothing is copied or decoded.
 */
#ifndef KP_PDF_LEX_H
#define KP_PDF_LEX_H

#include <stddef.h>

enum pdf_tok_kind {
	PDF_TOK_END,    /* no token before the end of the bytes */
	PDF_TOK_BAD,    /* not PDF syntax (or a comment, which libharu never writes) */
	PDF_TOK_OPEN,   /* << or [ */
	PDF_TOK_CLOSE,  /* >> or ] */
	PDF_TOK_NAME,   /* /Name */
	PDF_TOK_STRING, /* (literal) or <hex> */
	PDF_TOK_WORD    /* a number or a keyword: 12, -0.5, true, R, obj, stream */
};

struct pdf_tok {
	enum pdf_tok_kind kind;
	const unsigned char *p;
	size_t n;
};

struct pdf_lexer {
	const unsigned char *s;
	size_t pos, end;
};

/* The next token from LX->pos (skipping white space); LX->pos moves past it. */
enum pdf_tok_kind pdf_lex_next(struct pdf_lexer *lx, struct pdf_tok *t);
/* 1 when T is the keyword or number WORD. */
int pdf_tok_is(const struct pdf_tok *t, const char *word);
/* T as a non-negative integer below 2^40 into *V: 1, else 0. */
int pdf_tok_uint(const struct pdf_tok *t, size_t *v);
/* 1 when a space must stand between tokens A and B (both regular characters
 * where they meet: a word after a word or a name). */
int pdf_tok_need_space(const struct pdf_tok *a, const struct pdf_tok *b);

#endif
