/* pdf_press: see pdf_press.h. libharu 2.3 has no call for page boxes,
 * output intents or custom Info keys, so they are written through its
 * object layer (HPDF_Dict_Add and friends, declared in hpdf_objects.h), as
 * the rest of the backend does. */
#include "pdf_press.h"
#include "color.h"
#include "diag.h"
#include "press.h"

#include <hpdf_objects.h>
#include <hpdf_pdfa.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdf_press_color(struct pdf_writer *w, struct doc_color c, int stroke)
{
	double v[4];
	color_to_cmyk(&c, v);
	for (int i = 0; i < 4; i++)
		pdf_num(w, v[i]);
	pdf_put(w, stroke ? "K\n" : "k\n");
}

/* A box in PDF coordinates (y up) from the top-left rectangle X, Y, W, H. */
static void add_box(HPDF_Page page, const char *key, double page_h, double x, double y, double w,
		    double h)
{
	HPDF_Box box;
	box.left = (HPDF_REAL)x;
	box.bottom = (HPDF_REAL)(page_h - y - h);
	box.right = (HPDF_REAL)(x + w);
	box.top = (HPDF_REAL)(page_h - y);
	HPDF_Dict_Add(page, key, HPDF_Box_Array_New(page->mmgr, box));
}

void pdf_press_boxes(struct pdf_writer *w, const struct page *pg)
{
	HPDF_Page page = w->page;
	double b = pg->bleed;
	if (pg->trim_w <= 0)
		return;
	add_box(page, "TrimBox", pg->height, pg->trim_x, pg->trim_y, pg->trim_w, pg->trim_h);
	add_box(page, "BleedBox", pg->height, pg->trim_x - b, pg->trim_y - b, pg->trim_w + 2 * b,
		pg->trim_h + 2 * b);
}

/* What the ICC registry (color.org) says each printing condition is. */
static const char *condition_text(const char *id)
{
	static const char *const known[][2] = {
		{ "FOGRA39", "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper "
			     "type 1 or 2 = coated art, 115 g/m2, tone value increase curves A (CMY) "
			     "and B (K)" },
		{ "FOGRA51", "Offset printing, according to ISO 12647-2:2013, premium coated paper "
			     "(PC1), 115 g/m2, M1" },
		{ "FOGRA52", "Offset printing, according to ISO 12647-2:2013, wood-free uncoated "
			     "paper (PC5), 120 g/m2, M1" },
		{ "FOGRA47", "Offset printing, according to ISO 12647-2:2004/Amd 1, uncoated white "
			     "paper, 120 g/m2, tone value increase curves C (CMY) and D (K)" },
		{ "FOGRA29", "Offset printing, according to ISO 12647-2:2004, uncoated white paper, "
			     "tone value increase curves C (CMY) and D (K)" },
		{ "CGATS TR 006", "Commercial offset printing on coated paper (GRACoL)" },
		{ "CGATS TR 001", "Publication offset printing on coated paper (SWOP)" },
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i][0], id) == 0)
			return known[i][1];
	return id;
}

static void add_string(HPDF_Dict dict, const char *key, const char *value)
{
	HPDF_Dict_Add(dict, key, HPDF_String_New(dict->mmgr, value, NULL));
}

/* /OutputIntents [<< /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) ... >>]:
 * a registered condition, so PDF/X-1a needs no embedded profile. */
static void add_output_intent(HPDF_Doc doc, const char *id)
{
	HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
	HPDF_Array intents = HPDF_Array_New(doc->mmgr);
	if (!intent || !intents)
		return;
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFX");
	add_string(intent, "OutputConditionIdentifier", id);
	add_string(intent, "OutputCondition", condition_text(id));
	add_string(intent, "RegistryName", "http://www.color.org");
	add_string(intent, "Info", condition_text(id));
	HPDF_Array_Add(intents, intent);
	HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);
}

/* CreationDate and ModDate from press_date (reproducible with
 * SOURCE_DATE_EPOCH), midnight UTC. */
static void set_dates(HPDF_Doc doc)
{
	char date[11];
	HPDF_Date d;
	memset(&d, 0, sizeof(d));
	press_date(date);
	d.year = atoi(date);
	d.month = atoi(date + 5);
	d.day = atoi(date + 8);
	d.ind = '+'; /* libharu writes 'Z' as Z00'00', which readers reject */
	HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
}

int pdf_press_document(struct pdf_writer *w)
{
	HPDF_Doc doc = w->doc;
	HPDF_Dict info;
	add_output_intent(doc, w->press_condition);
	set_dates(doc);
	if (!w->info.title) /* PDF/X needs a title */
		HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "kaikuprint");
	info = doc->info; /* created by the calls above */
	if (!info)
		return -1;
	add_string(info, "GTS_PDFXVersion", "PDF/X-1a:2001");
	add_string(info, "GTS_PDFXConformance", "PDF/X-1a:2001");
	HPDF_Dict_AddName(info, "Trapped", "False");
	return HPDF_PDFA_GenerateID(doc) == HPDF_OK ? 0 : -1;
}

int pdf_press_image_ok(HPDF_Image img, const char *path)
{
	const char *space = HPDF_Image_GetColorSpace(img);
	if (space && (strcmp(space, "DeviceGray") == 0 || strcmp(space, "DeviceCMYK") == 0) &&
	    !HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT))
		return 0;
	diag_file(DIAG_ERROR, path, 0, 0,
		  "print-shop output (--press) takes greyscale or CMYK images without "
		  "transparency only; this one is %s%s: convert it (for example to a CMYK JPEG)",
		  space ? space : "of an unknown colour space",
		  HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT) ? " with transparency" : "");
	return -1;
}
