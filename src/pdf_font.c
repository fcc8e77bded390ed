/*
 * pdf_font: each face a document uses becomes one composite font (Type0,
 * CIDFontType2, Identity-H). Character codes (CIDs) are numbered in the
 * order the document first uses each (glyph, character) pair, so that the
 * ToUnicode map gives back exactly the character layout set, even where two
 * characters share a glyph. The font file is subset with hb-subset to the
 * glyphs used; CIDToGIDMap maps each CID to its glyph in the subset, and the
 * widths (/W) are the ones layout measured.
 */
#include "pdf_internal.h"
#include "diag.h"
#include "font.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_cid {
	uint16_t gid;  /* glyph in the original font file */
	uint32_t cp;   /* the character it shows */
};

struct pdf_face {
	struct font *font;
	HPDF_Dict type0;       /* the font dictionary pages refer to; filled at the end */
	unsigned *cid_of_gid;  /* first CID of each glyph, 0 = unused */
	unsigned n_glyphs;
	struct pdf_cid *cids;  /* by CID; CID 0 is .notdef */
	unsigned n_cids, cap_cids;
};

enum { MAX_CID = 0xFFFF };

struct pdf_face *pdf_face_get(struct pdf_writer *w, struct font *f)
{
	struct pdf_face *face;
	for (int i = 0; i < w->n_faces; i++)
		if (w->faces[i]->font == f)
			return w->faces[i];
	face = xcalloc(1, sizeof(*face));
	face->font = f;
	face->type0 = pdf_new_dict(w);
	if (!face->type0) {
		free(face);
		return NULL;
	}
	HPDF_Dict_AddName(face->type0, "Type", "Font");
	face->n_glyphs = hb_face_get_glyph_count(font_face(f));
	face->cid_of_gid = xcalloc(face->n_glyphs ? face->n_glyphs : 1, sizeof(unsigned));
	face->cap_cids = 64;
	face->cids = xcalloc(face->cap_cids, sizeof(*face->cids));
	face->n_cids = 1;
	if (w->n_faces == w->cap_faces) {
		w->cap_faces = w->cap_faces ? w->cap_faces * 2 : 8;
		w->faces = xrealloc(w->faces, (size_t)w->cap_faces * sizeof(*w->faces));
	}
	w->faces[w->n_faces++] = face;
	return face;
}

const char *pdf_face_name(struct pdf_writer *w, struct pdf_face *face)
{
	const char *name = HPDF_Page_GetLocalFontName(w->page, face->type0);
	return name ? name : "F0";
}

unsigned pdf_face_cid(struct pdf_face *face, unsigned gid, uint32_t cp)
{
	unsigned cid;
	if (gid >= face->n_glyphs)
		return 0;
	cid = face->cid_of_gid[gid];
	if (cid && face->cids[cid].cp == cp)
		return cid;
	for (unsigned i = cid ? cid + 1 : face->n_cids; i < face->n_cids; i++)
		if (face->cids[i].gid == gid && face->cids[i].cp == cp)
			return i;
	if (face->n_cids > MAX_CID)
		return 0;
	if (face->n_cids == face->cap_cids) {
		face->cap_cids *= 2;
		face->cids = xrealloc(face->cids, face->cap_cids * sizeof(*face->cids));
	}
	cid = face->n_cids++;
	face->cids[cid].gid = (uint16_t)gid;
	face->cids[cid].cp = cp;
	if (!face->cid_of_gid[gid])
		face->cid_of_gid[gid] = cid;
	return cid;
}

/* The subset: the glyphs used (and .notdef), without what a PDF viewer
 * never reads: the layout tables (text is shaped already), the font's names
 * and PostScript glyph names (name, post), and hinting (instructions, fpgm,
 * prep, cvt: ISO 32000-1 9.9 asks for those only where instructions use
 * them; viewers scale outlines without them, as poppler does). Returns the
 * font file and the old -> new glyph map (owned by *PLAN). */
static hb_blob_t *subset(const struct pdf_face *face, hb_subset_plan_t **plan)
{
	static const char drop[][5] = { "GSUB", "GPOS", "GDEF", "kern", "DSIG", "name", "post" };
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	hb_set_t *glyphs, *tables;
	*plan = NULL;
	if (!in)
		return NULL;
	glyphs = hb_subset_input_glyph_set(in);
	hb_set_add(glyphs, 0);
	for (unsigned i = 1; i < face->n_cids; i++)
		hb_set_add(glyphs, face->cids[i].gid);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(tables, hb_tag_from_string(drop[i], 4));
	*plan = hb_subset_plan_create_or_fail(font_face(face->font), in);
	if (*plan)
		sub = hb_subset_plan_execute_or_fail(*plan);
	if (sub) {
		blob = hb_face_reference_blob(sub);
		hb_face_destroy(sub);
	}
	hb_subset_input_destroy(in);
	return blob;
}

static int read_i16(hb_blob_t *table, unsigned offset)
{
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(table, &len);
	if (offset + 2 > len)
		return 0;
	return (int16_t)(p[offset] << 8 | p[offset + 1]);
}

/* "ABCDEF+PostScriptName": the tag is the same for the same subset. */
static void base_font_name(const struct pdf_face *face, char *out, size_t size)
{
	char ps[64];
	unsigned len = sizeof(ps);
	uint32_t hash = 2166136261u;
	size_t n;
	for (unsigned i = 1; i < face->n_cids; i++)
		hash = (hash ^ (face->cids[i].gid * 31u + face->cids[i].cp)) * 16777619u;
	if (!hb_ot_name_get_utf8(font_face(face->font), HB_OT_NAME_ID_POSTSCRIPT_NAME,
				 HB_LANGUAGE_INVALID, &len, ps))
		len = 0;
	if (len == 0)
		snprintf(ps, sizeof(ps), "Font");
	for (char *c = ps; *c; c++)
		if (*c <= ' ' || *c > '~' || strchr("()<>[]{}/%#", *c))
			*c = '-';
	n = 0;
	for (int i = 0; i < 6 && n + 1 < size; i++, hash /= 26)
		out[n++] = (char)('A' + hash % 26);
	snprintf(out + n, size - n, "+%s", ps);
}

static HPDF_Array bbox_array(struct pdf_writer *w, const struct pdf_face *face)
{
	hb_face_t *hf = font_face(face->font);
	hb_blob_t *head = hb_face_reference_table(hf, HB_TAG('h', 'e', 'a', 'd'));
	double k = 1000.0 / font_upem(face->font);
	HPDF_Array a = HPDF_Array_New(w->doc->mmgr);
	for (unsigned off = 36; off <= 42; off += 2)
		HPDF_Array_AddNumber(a, (HPDF_INT32)(read_i16(head, off) * k));
	hb_blob_destroy(head);
	return a;
}

static double italic_angle(const struct pdf_face *face)
{
	hb_blob_t *post = hb_face_reference_table(font_face(face->font), HB_TAG('p', 'o', 's', 't'));
	double angle = read_i16(post, 4) + (double)(unsigned)(read_i16(post, 6) & 0xFFFF) / 65536.0;
	hb_blob_destroy(post);
	return angle;
}

static HPDF_Dict descriptor(struct pdf_writer *w, const struct pdf_face *face, const char *name,
			    HPDF_Dict file)
{
	HPDF_Dict d = pdf_new_dict(w);
	double angle = italic_angle(face);
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", name);
	HPDF_Dict_AddNumber(d, "Flags", angle != 0 ? 32 + 64 : 32); /* nonsymbolic, italic */
	HPDF_Dict_Add(d, "FontBBox", bbox_array(w, face));
	HPDF_Dict_AddReal(d, "ItalicAngle", (HPDF_REAL)angle);
	HPDF_Dict_AddNumber(d, "Ascent", font_ascender(face->font));
	HPDF_Dict_AddNumber(d, "Descent", font_descender(face->font));
	HPDF_Dict_AddNumber(d, "CapHeight", font_cap_height(face->font));
	HPDF_Dict_AddNumber(d, "StemV", 80);
	HPDF_Dict_Add(d, "FontFile2", file);
	return d;
}

/* Widths by CID from 0, as layout measured them. */
static HPDF_Array widths(struct pdf_writer *w, const struct pdf_face *face)
{
	HPDF_Array outer = HPDF_Array_New(w->doc->mmgr), inner = HPDF_Array_New(w->doc->mmgr);
	HPDF_Array_AddNumber(outer, 0);
	for (unsigned i = 0; i < face->n_cids; i++)
		HPDF_Array_AddNumber(inner, font_glyph_width(face->font, face->cids[i].gid));
	HPDF_Array_Add(outer, inner);
	return outer;
}

static HPDF_Dict cid_to_gid(struct pdf_writer *w, const struct pdf_face *face, const hb_map_t *map)
{
	HPDF_Dict s = pdf_new_stream(w, 1);
	for (unsigned i = 0; i < face->n_cids && s; i++) {
		hb_codepoint_t g = hb_map_get(map, face->cids[i].gid);
		HPDF_BYTE be[2];
		if (g == HB_MAP_VALUE_INVALID)
			g = 0;
		be[0] = (HPDF_BYTE)(g >> 8);
		be[1] = (HPDF_BYTE)g;
		HPDF_Stream_Write(s->stream, be, 2);
	}
	return s;
}

static void put_utf16(HPDF_Stream s, uint32_t cp)
{
	char buf[12];
	if (cp >= 0x10000)
		snprintf(buf, sizeof(buf), "%04X%04X", 0xD800 + ((cp - 0x10000) >> 10),
			 0xDC00 + ((cp - 0x10000) & 0x3FF));
	else
		snprintf(buf, sizeof(buf), "%04X", cp);
	HPDF_Stream_WriteStr(s, buf);
}

/* The ToUnicode CMap: one bfchar line per CID, at most 100 to a block. */
static HPDF_Dict to_unicode(struct pdf_writer *w, const struct pdf_face *face)
{
	HPDF_Dict s = pdf_new_stream(w, 1);
	HPDF_Stream out;
	if (!s)
		return NULL;
	out = s->stream;
	HPDF_Stream_WriteStr(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
				  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
				  "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
				  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (unsigned i = 1; i < face->n_cids; i += 100) {
		unsigned n = face->n_cids - i < 100 ? face->n_cids - i : 100;
		char buf[32];
		snprintf(buf, sizeof(buf), "%u beginbfchar\n", n);
		HPDF_Stream_WriteStr(out, buf);
		for (unsigned k = i; k < i + n; k++) {
			snprintf(buf, sizeof(buf), "<%04X> <", k);
			HPDF_Stream_WriteStr(out, buf);
			put_utf16(out, face->cids[k].cp);
			HPDF_Stream_WriteStr(out, ">\n");
		}
		HPDF_Stream_WriteStr(out, "endbfchar\n");
	}
	HPDF_Stream_WriteStr(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	return s;
}

static HPDF_Dict system_info(struct pdf_writer *w)
{
	HPDF_Dict d = HPDF_Dict_New(w->doc->mmgr);
	HPDF_Dict_Add(d, "Registry", HPDF_String_New(w->doc->mmgr, "Adobe", NULL));
	HPDF_Dict_Add(d, "Ordering", HPDF_String_New(w->doc->mmgr, "Identity", NULL));
	HPDF_Dict_AddNumber(d, "Supplement", 0);
	return d;
}

static int embed(struct pdf_writer *w, struct pdf_face *face)
{
	hb_subset_plan_t *plan;
	hb_blob_t *blob = subset(face, &plan);
	HPDF_Dict file, cid;
	HPDF_Array descendants;
	char name[96];
	unsigned len;
	const char *data;
	if (!blob || hb_blob_get_length(blob) == 0) {
		diag_file(DIAG_FATAL, font_path(face->font), 0, 0, "cannot subset the font");
		hb_blob_destroy(blob);
		hb_subset_plan_destroy(plan);
		return -1;
	}
	base_font_name(face, name, sizeof(name));
	file = pdf_new_stream(w, 1);
	data = hb_blob_get_data(blob, &len);
	HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, len);
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	cid = pdf_new_dict(w);
	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", name);
	HPDF_Dict_Add(cid, "CIDSystemInfo", system_info(w));
	HPDF_Dict_Add(cid, "FontDescriptor", descriptor(w, face, name, file));
	HPDF_Dict_Add(cid, "W", widths(w, face));
	HPDF_Dict_Add(cid, "CIDToGIDMap", cid_to_gid(w, face, hb_subset_plan_old_to_new_glyph_mapping(plan)));
	descendants = HPDF_Array_New(w->doc->mmgr);
	HPDF_Array_Add(descendants, cid);
	HPDF_Dict_AddName(face->type0, "Subtype", "Type0");
	HPDF_Dict_AddName(face->type0, "BaseFont", name);
	HPDF_Dict_AddName(face->type0, "Encoding", "Identity-H");
	HPDF_Dict_Add(face->type0, "DescendantFonts", descendants);
	HPDF_Dict_Add(face->type0, "ToUnicode", to_unicode(w, face));
	hb_blob_destroy(blob);
	hb_subset_plan_destroy(plan);
	return 0;
}

int pdf_faces_finish(struct pdf_writer *w)
{
	for (int i = 0; i < w->n_faces; i++)
		if (embed(w, w->faces[i]) != 0)
			return -1;
	return 0;
}

void pdf_faces_free(struct pdf_writer *w)
{
	for (int i = 0; i < w->n_faces; i++) {
		free(w->faces[i]->cid_of_gid);
		free(w->faces[i]->cids);
		free(w->faces[i]);
	}
	free(w->faces);
}
