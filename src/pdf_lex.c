/* pdf_lex: PDF tokens; see pdf_lex.h. */
#include "pdf_lex.h"

#include <string.h>

static int is_space(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(unsigned char c)
{
	return c && strchr("()<>[]{}/%", c) != NULL;
}

static int is_regular(unsigned char c)
{
	return !is_space(c) && !is_delim(c);
}

/* A literal string from its '(' at POS: balanced parentheses, backslash
 * escapes. Returns the position after its ')', or 0 when it is not closed. */
static size_t literal_end(const struct pdf_lexer *lx, size_t pos)
{
	int depth = 0;
	for (size_t i = pos; i < lx->end; i++) {
		unsigned char c = lx->s[i];
		if (c == '\\')
			i++;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return i + 1;
	}
	return 0;
}

static size_t hex_end(const struct pdf_lexer *lx, size_t pos)
{
	for (size_t i = pos + 1; i < lx->end; i++) {
		unsigned char c = lx->s[i];
		if (c == '>')
			return i + 1;
		if (!is_space(c) && !strchr("0123456789abcdefABCDEF", c))
			return 0;
	}
	return 0;
}

static size_t run_end(const struct pdf_lexer *lx, size_t pos)
{
	while (pos < lx->end && is_regular(lx->s[pos]))
		pos++;
	return pos;
}

/* Where the token at POS ends and what it is; 0 for a bad one. */
static size_t token_end(const struct pdf_lexer *lx, size_t pos, enum pdf_tok_kind *kind)
{
	unsigned char c = lx->s[pos];
	int twice = pos + 1 < lx->end && lx->s[pos + 1] == c;
	switch (c) {
	case '(':
		*kind = PDF_TOK_STRING;
		return literal_end(lx, pos);
	case '<':
		*kind = twice ? PDF_TOK_OPEN : PDF_TOK_STRING;
		return twice ? pos + 2 : hex_end(lx, pos);
	case '>':
		*kind = PDF_TOK_CLOSE;
		return twice ? pos + 2 : 0;
	case '[':
	case ']':
		*kind = c == '[' ? PDF_TOK_OPEN : PDF_TOK_CLOSE;
		return pos + 1;
	case '/':
		*kind = PDF_TOK_NAME;
		return run_end(lx, pos + 1);
	default:
		*kind = PDF_TOK_WORD;
		return is_regular(c) ? run_end(lx, pos) : 0;
	}
}

enum pdf_tok_kind pdf_lex_next(struct pdf_lexer *lx, struct pdf_tok *t)
{
	size_t end;
	while (lx->pos < lx->end && is_space(lx->s[lx->pos]))
		lx->pos++;
	t->p = lx->s + lx->pos;
	t->n = 0;
	if (lx->pos >= lx->end)
		return t->kind = PDF_TOK_END;
	end = token_end(lx, lx->pos, &t->kind);
	if (end == 0)
		return t->kind = PDF_TOK_BAD;
	t->n = end - lx->pos;
	lx->pos = end;
	return t->kind;
}

int pdf_tok_is(const struct pdf_tok *t, const char *word)
{
	size_t n = strlen(word);
	return t->kind == PDF_TOK_WORD && t->n == n && memcmp(t->p, word, n) == 0;
}

int pdf_tok_uint(const struct pdf_tok *t, size_t *v)
{
	size_t x = 0;
	if (t->kind != PDF_TOK_WORD || t->n == 0 || t->n > 12)
		return 0;
	for (size_t i = 0; i < t->n; i++) {
		if (t->p[i] < '0' || t->p[i] > '9')
			return 0;
		x = x * 10 + (size_t)(t->p[i] - '0');
	}
	*v = x;
	return 1;
}

int pdf_tok_need_space(const struct pdf_tok *a, const struct pdf_tok *b)
{
	return (a->kind == PDF_TOK_WORD || a->kind == PDF_TOK_NAME) && b->kind == PDF_TOK_WORD;
}
