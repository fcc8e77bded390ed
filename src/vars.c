/* vars: a small name -> value table; scopes are tiny, so lookup is linear. */
#include "vars.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

struct var_scope *vars_new(void)
{
	return xcalloc(1, sizeof(struct var_scope));
}

static void free_var(struct var *v)
{
	for (int j = 0; j < v->n_items; j++)
		vars_free(v->items[j]);
	free(v->items);
	free(v->name);
	free(v->text);
	free(v->origin);
}

void vars_free(struct var_scope *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++)
		free_var(&s->vars[i]);
	free(s->vars);
	free(s);
}

void vars_drop_last(struct var_scope *s)
{
	if (s->n > 0)
		free_var(&s->vars[--s->n]);
}

static struct var *vars_push(struct var_scope *s, const char *name, enum var_type type,
			     const char *origin)
{
	struct var *v;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->vars = xrealloc(s->vars, (size_t)s->cap * sizeof(*s->vars));
	}
	v = &s->vars[s->n++];
	memset(v, 0, sizeof(*v));
	v->name = xstrdup(name);
	v->type = type;
	v->origin = xstrdup(origin ? origin : "");
	return v;
}

struct var *vars_add_text(struct var_scope *s, const char *name, enum var_type type,
			  const char *text, const char *origin)
{
	struct var *v = vars_push(s, name, type, origin);
	v->set = 1;
	v->text = xstrdup(text);
	return v;
}

struct var *vars_add_unset(struct var_scope *s, const char *name, enum var_type type,
			   const char *origin)
{
	struct var *v = vars_push(s, name, type, origin);
	v->text = xstrdup("");
	return v;
}

struct var *vars_add_list(struct var_scope *s, const char *name)
{
	struct var *v = vars_push(s, name, VAR_LIST, NULL);
	v->set = 0; /* <if set="list">: true once the list has an item */
	v->text = xstrdup("");
	return v;
}

struct var_scope *vars_list_add_item(struct var *l)
{
	l->set = 1;
	l->items = xrealloc(l->items, (size_t)(l->n_items + 1) * sizeof(*l->items));
	l->items[l->n_items] = vars_new();
	return l->items[l->n_items++];
}

const struct var *vars_find(const struct var_scope *s, const char *name)
{
	for (int i = 0; s && i < s->n; i++)
		if (strcmp(s->vars[i].name, name) == 0)
			return &s->vars[i];
	return NULL;
}
