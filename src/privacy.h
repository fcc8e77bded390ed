/*
 * privacy: the registration form guard. A registration template (document
 * name starting with "registration") must never ask for the holder's name,
 * personal identity code (henkilötunnus), date of birth, address or phone
 * number (DOMAIN.md). Every form field declares its meaning in kind="...";
 * the guard refuses the forbidden kinds and, as a second net, field labels
 * written in the template that name such data in fi, sv or en.
 *
 * It reads the whole template, every language and every <if> branch, so a
 * forbidden field cannot hide in a branch the current region does not take.
 */
#ifndef KP_PRIVACY_H
#define KP_PRIVACY_H

struct template;
struct doc;

/* Report every forbidden field of T as FILE:LINE:COL, and in any template
 * every form field without kind="..."; returns how many. */
int privacy_check(const struct template *t);

/* The same for label text that variables bring into document D (a question
 * from the config); returns how many were reported. */
int privacy_check_doc(const struct doc *d);

#endif
