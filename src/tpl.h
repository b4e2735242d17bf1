/* tpl.h - Mustache-like templates, compiled once at start-up.
 *
 * Syntax:  {{name}}          value, HTML-escaped (& < > " ')
 *          {{{name}}}        value raw, only when it was set with tobj_html()
 *                            (cmark output); any other value is escaped
 *          {{#name}}..{{/name}}  section: once per list item, once for a
 *                            true/non-empty value or an object (pushed as
 *                            the context), skipped otherwise
 *          {{^name}}..{{/name}}  inverted: rendered when the value is
 *                            missing, false, empty or an empty list
 *          {{> partial}}     another template of the set, by name
 *          {{! comment }}
 *          {{a.b}}           dotted lookup; {{.}} is the current string item
 * Names are looked up in the current context, then outward. A missing value
 * renders as nothing.
 *
 * A template set is every *.html file in one directory, named by its file
 * name without the extension ("article", "layout", "_byline" ...). It is
 * immutable once loaded and may be rendered from many threads at once. */
#ifndef WARTA_TPL_H
#define WARTA_TPL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "werr.h"

struct tpl_set;
struct tobj;
struct tlist;

/* Loads and compiles every *.html in dir. On failure returns NULL and writes
 * one line naming the file and line into err ("templates/x.html:12:
 * unclosed section 'tags'"). A partial that names no template is an error.
 * Free with tpl_set_free(). */
struct tpl_set *tpl_set_load(const char *dir, char *err, size_t errlen);
void tpl_set_free(struct tpl_set *set);

/* Compiles one template from memory into a new set holding just it (for
 * tests and for templates embedded in the binary); name is its name. */
struct tpl_set *tpl_set_parse(const char *name, const char *src,
			      char *err, size_t errlen);

/* True when the set has a template of that name. */
bool tpl_has(const struct tpl_set *set, const char *name);

/* Renders template name with ctx into out (appending). W_NOTFOUND for an
 * unknown name, W_NOMEM when out ran out of memory. */
enum werr tpl_render(const struct tpl_set *set, const char *name,
		     const struct tobj *ctx, struct buf *out) WUNUSED;

/* The data model: objects of named values, allocated in an arena and freed
 * with it. Setters copy nothing: strings must live as long as the arena
 * (arena strings, or static). A NULL string is stored as missing. Setting a
 * name twice keeps the last value. On allocation failure the setters do
 * nothing and the object remembers it (tobj_err). */
struct tobj *tobj_new(struct arena *a);
void tobj_str(struct tobj *o, const char *key, const char *val);
/* Stores val as HTML that {{{key}}} may print raw. Only for cmark output and
 * HTML built by the application with escaping. */
void tobj_html(struct tobj *o, const char *key, const char *val);
void tobj_bool(struct tobj *o, const char *key, bool val);
/* Stores the decimal form of val. */
void tobj_int(struct tobj *o, const char *key, int64_t val);
/* Creates a child object under key and returns it (NULL on failure). */
struct tobj *tobj_obj(struct tobj *o, const char *key);
/* Creates an empty list under key and returns it (NULL on failure). */
struct tlist *tobj_list(struct tobj *o, const char *key);
/* Appends a new object to the list and returns it (NULL on failure). */
struct tobj *tlist_add(struct tlist *l);
/* Appends a string item (rendered with {{.}}). */
void tlist_str(struct tlist *l, const char *val);
/* W_NOMEM if any setter on o or its children failed. */
enum werr tobj_err(const struct tobj *o) WUNUSED;

#endif
