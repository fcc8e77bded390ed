/* test_pdf_compact: libharu's file rewritten with object streams and a
 * cross-reference stream (pdf_compact.c), and every kind of file it must
 * leave as it is. */
#include "unit.h"

#include "pdf_compact.h"

#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* A small document as kaikuprint's backend makes one: PDF 1.7, compressed
 * content, a font, a link annotation, an outline. */
static unsigned char *libharu_pdf(size_t *n)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_Page page;
	HPDF_Rect rect = { 50, 700, 200, 720 };
	HPDF_UINT32 size;
	unsigned char *data;
	doc->pdf_version = HPDF_VER_17;
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	page = HPDF_AddPage(doc);
	HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, "Helvetica", NULL), 12);
	HPDF_Page_BeginText(page);
	HPDF_Page_TextOut(page, 50, 705, "Kaikukortti (a string) with \\ and )");
	HPDF_Page_EndText(page);
	HPDF_Page_CreateURILinkAnnot(page, rect, "https://www.kaikukortti.fi/");
	HPDF_CreateOutline(doc, NULL, "Heading", NULL);
	HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "Compact \\057 (kept)");
	HPDF_SaveToStream(doc);
	size = HPDF_GetStreamSize(doc);
	data = malloc(size);
	HPDF_ResetStream(doc);
	HPDF_ReadFromStream(doc, data, &size);
	HPDF_Free(doc);
	*n = size;
	return data;
}

static const unsigned char *find(const unsigned char *s, size_t n, const char *what)
{
	return memmem(s, n, what, strlen(what));
}

static size_t big_endian(const unsigned char *p, int w)
{
	size_t v = 0;
	for (int i = 0; i < w; i++)
		v = v << 8 | p[i];
	return v;
}

/* The cross-reference stream of OUT decoded (inflate, PNG Up predictor):
 * every object in use is at "N 0 obj" or in an object stream. */
static void check_xref_stream(const unsigned char *out, size_t n)
{
	const unsigned char *sx = find(out + n - 40, 40, "startxref\n");
	size_t at = sx ? strtoul((const char *)sx + 10, NULL, 10) : 0;
	const unsigned char *dict = out + at, *data;
	unsigned size = 0, w1 = 0, w2 = 0, w3 = 0, len = 0, cols;
	unsigned char raw[65536];
	uLongf raw_n = sizeof(raw);
	size_t room = at < n && n - at < 600 ? n - at : 600;
	if (!CHECK(sx && at < n && find(dict, room, "/Type/XRef") && find(dict, room, "/Length")))
		return;
	CHECK(sscanf((const char *)find(dict, room, "/Size"), "/Size %u", &size) == 1);
	CHECK(sscanf((const char *)find(dict, room, "/W["), "/W[%u %u %u]", &w1, &w2, &w3) == 3);
	CHECK(sscanf((const char *)find(dict, room, "/Length"), "/Length %u", &len) == 1);
	data = find(dict, room, "stream\n");
	if (!CHECK(data && w1 == 1 && w2 > 0 && w3 > 0 && size > 3))
		return;
	CHECK_INT(uncompress(raw, &raw_n, data + 7, len), Z_OK);
	cols = 1 + w1 + w2 + w3;
	CHECK_INT(raw_n, (long)size * cols);
	for (unsigned r = 0; r < size && raw_n == (uLongf)size * cols; r++) {
		unsigned char *row = raw + r * cols;
		CHECK_INT(row[0], 2); /* Up */
		for (unsigned b = 1; r > 0 && b < cols; b++)
			row[b] = (unsigned char)(row[b] + (row - cols)[b]);
		if (row[1] == 1) {
			char head[32];
			size_t off = big_endian(row + 2, (int)w2);
			snprintf(head, sizeof(head), "%u 0 obj", r);
			CHECK(off < n && memcmp(out + off, head, strlen(head)) == 0);
		} else if (row[1] == 2) {
			size_t stm = big_endian(row + 2, (int)w2);
			CHECK(stm < size && stm != r);
		} else {
			CHECK(row[1] == 0);
		}
	}
}

/* The objects of OUT's first object stream, inflated (malloc'd). */
static char *first_object_stream(const unsigned char *out, size_t n)
{
	const unsigned char *dict = find(out, n, "/Type/ObjStm");
	const unsigned char *len = dict ? find(dict, 100, "/Length ") : NULL;
	uLongf size = 1 << 20;
	char *text = calloc(size + 1, 1);
	if (!CHECK(len != NULL))
		return text;
	CHECK_INT(uncompress((unsigned char *)text, &size, find(len, 40, "stream\n") + 7,
			     strtoul((const char *)len + 8, NULL, 10)), Z_OK);
	return text;
}

static void compact_small_document(void)
{
	size_t n, out_n = 0;
	unsigned char *in = libharu_pdf(&n), *out = NULL;
	const char *why = "unset";
	char *objects;
	CHECK_INT(pdf_compact(in, n, &out, &out_n, &why), 0);
	CHECK(why == NULL);
	if (!CHECK(out != NULL))
		return;
	CHECK(out_n < n);
	CHECK(memcmp(out, "%PDF-1.7", 8) == 0);
	CHECK(find(out, out_n, "/Type/ObjStm") != NULL);
	CHECK(find(out, out_n, "\nxref") == NULL);
	CHECK(find(out, out_n, "trailer") == NULL);
	/* every stream's length is written into it: no "/Length N 0 R" left */
	CHECK(find(out, out_n, " 0 R/Filter") == NULL);
	check_xref_stream(out, out_n);
	/* values as libharu wrote them but for white space and the escapes of
	 * characters that need none */
	objects = first_object_stream(out, out_n);
	CHECK(strstr(objects, "/URI(https://www.kaikukortti.fi/)") != NULL);
	CHECK(strstr(objects, "/Title(Compact \\134057 \\050kept\\051)") != NULL);
	CHECK(strstr(objects, "/Type/Catalog") != NULL);
	free(objects);
	free(out);
	free(in);
}

/* A file as libharu would write it, made by hand: OBJS[i] is object i + 1,
 * TRAILER the trailer's entries. Returns its length; the bytes are in BUF. */
static size_t hand_made(char *buf, size_t cap, const char *const *objs, int n, const char *trailer)
{
	size_t offs[8], len = (size_t)snprintf(buf, cap, "%%PDF-1.7\n");
	for (int i = 0; i < n; i++) {
		offs[i] = len;
		len += (size_t)snprintf(buf + len, cap - len, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	len += (size_t)snprintf(buf + len, cap - len, "xref\n0 %d\n0000000000 65535 f\r\n", n + 1);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%010zu 00000 n\r\n", offs[i]);
	return len + (size_t)snprintf(buf + len, cap - len, "trailer\n<<\n%s\n/Size %d\n>>\nstartxref\n%zu\n%%%%EOF\n",
				       trailer, n + 1, (size_t)(strstr(buf, "xref\n") - buf));
}

/* The trailer's /ID, however long, goes into the cross-reference stream. */
static void compact_keeps_id(void)
{
	static const char *const objs[] = {
		"<<\n/Type /Catalog\n/Pages 2 0 R\n>>",
		"<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>",
		"<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [ 0 0 595 842 ]\n>>",
	};
	char in[4096], id[300] = "/ID [ <";
	unsigned char *out = NULL;
	size_t n, out_n;
	for (int i = 0; i < 128; i++)
		strcat(id, i % 2 ? "A" : "5");
	strcat(id, "> <0123456789ABCDEF0123456789ABCDEF> ]\n/Root 1 0 R");
	n = hand_made(in, sizeof(in), objs, 3, id);
	if (!CHECK_INT(pdf_compact((const unsigned char *)in, n, &out, &out_n, NULL), 0))
		return;
	CHECK(find(out, out_n, "/ID[<5A5A") != NULL);
	CHECK(find(out, out_n, "<0123456789ABCDEF0123456789ABCDEF>]/DecodeParms") != NULL);
	CHECK(find(out, out_n, "/Info") == NULL);
	check_xref_stream(out, out_n);
	free(out);
}

/* IN with WHAT replaced by WITH (the same length); the copy is malloc'd. */
static unsigned char *spoil(const unsigned char *in, size_t n, const char *what, const char *with)
{
	unsigned char *copy = malloc(n);
	unsigned char *at;
	memcpy(copy, in, n);
	at = (unsigned char *)find(copy, n, what);
	if (CHECK(at != NULL && strlen(what) == strlen(with)))
		memcpy(at, with, strlen(with));
	return copy;
}

/* pdf_compact keeps IN as it is: -1, *OUT untouched, a reason. */
static void check_kept(const unsigned char *in, size_t n, const char *what)
{
	unsigned char sentinel, *out = &sentinel;
	size_t out_n = 7;
	const char *why = NULL;
	if (!unit_check(pdf_compact(in, n, &out, &out_n, &why) == -1, what, __FILE__, __LINE__))
		return;
	CHECK(out == &sentinel && out_n == 7);
	CHECK(why != NULL && *why);
}

static void kept_when_unexpected(void)
{
	size_t n;
	unsigned char *in = libharu_pdf(&n), *bad;
	struct { const char *what, *with; } spoils[] = {
		{ "%PDF-1.7", "%PDF-1.3" },           /* below 1.5: PDF/X-1a */
		{ "/Info", "/Prev" },                  /* an updated file */
		{ " 00000 n\r\n", " 00001 n\r\n" },    /* another generation */
		{ "0000000015 00000 n", "0000000016 00000 n" }, /* an offset beside its object */
		{ "/Type /Catalog", "%Type /Catalog" },  /* a comment */
		{ "/Type /Catalog", "/Type (Catalog" },  /* a string never closed */
		{ "<<", "[[" },                        /* unbalanced */
		{ "endstream", "endstreem" },          /* a length that does not end at endstream */
	};
	check_kept(in, n / 2, "truncated");
	check_kept(in, 0, "empty");
	check_kept((const unsigned char *)"%PDF-1.7\nstartxref\n0\n%%EOF\n", 27, "no objects");
	for (size_t i = 0; i < sizeof(spoils) / sizeof(spoils[0]); i++) {
		bad = spoil(in, n, spoils[i].what, spoils[i].with);
		check_kept(bad, n, spoils[i].with);
		free(bad);
	}
	free(in);
}

/* A stream's /Length object that does not end the stream at endstream, or
 * that holds no number. */
static void kept_when_length_wrong(void)
{
	size_t n;
	unsigned char *in = libharu_pdf(&n);
	const unsigned char *len_ref = find(in, n, "/Length ");
	unsigned num = 0;
	char obj[32];
	unsigned char *copy, *at;
	if (!CHECK(len_ref && sscanf((const char *)len_ref, "/Length %u 0 R", &num) == 1))
		return;
	snprintf(obj, sizeof(obj), "\n%u 0 obj\n", num);
	copy = malloc(n);
	memcpy(copy, in, n);
	at = (unsigned char *)find(copy, n, obj);
	if (CHECK(at != NULL)) {
		at += strlen(obj);
		*at = *at == '9' ? '1' : (unsigned char)(*at + 1); /* a length that misses endstream */
		check_kept(copy, n, "a stream length not at endstream");
		*at = 'x';
		check_kept(copy, n, "a stream length not a number");
	}
	free(copy);
	free(in);
}

const struct unit_test unit_tests[] = {
	UNIT(compact_small_document),
	UNIT(compact_keeps_id),
	UNIT(kept_when_unexpected),
	UNIT(kept_when_length_wrong),
	{ NULL, NULL },
};
