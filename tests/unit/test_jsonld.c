/* test_jsonld.c - unit tests for jsonld.c: the exact NewsArticle of a known
 * article, and hostile titles that must neither break out of <script> nor
 * make the JSON invalid (checked by a strict JSON parser below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "jsonld.h"

/* ---- a strict RFC 8259 parser, just enough to validate and to decode the
 * string value of one top-level member ---- */

struct jp {
	const char *p;
	int depth;
	const char *want; /* top-level key whose string value to decode */
	struct buf *got;
	bool found;
};

static void
ws(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
put_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 2);
	} else {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 3);
	}
}

/* Parses a string; decodes it into out when out is not NULL. */
static bool
jstring(struct jp *j, struct buf *out)
{
	if (*j->p != '"')
		return false;
	j->p++;
	for (;;) {
		unsigned char c = (unsigned char)*j->p;
		if (c == '"') {
			j->p++;
			return true;
		}
		if (c < 0x20)
			return false; /* includes the NUL at the end */
		if (c != '\\') {
			if (out)
				buf_putc(out, (char)c);
			j->p++;
			continue;
		}
		j->p++;
		char e = *j->p++;
		const char *simple = strchr("\"\\/bfnrt", e);
		if (e && simple) {
			static const char to[] = "\"\\/\b\f\n\r\t";
			if (out)
				buf_putc(out, to[simple - "\"\\/bfnrt"]);
			continue;
		}
		if (e != 'u')
			return false;
		uint32_t cp = 0;
		for (int i = 0; i < 4; i++) {
			int h = hexval(*j->p++);
			if (h < 0)
				return false;
			cp = cp << 4 | (uint32_t)h;
		}
		/* The code never writes surrogate escapes. */
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return false;
		if (out)
			put_utf8(out, cp);
	}
}

static bool jvalue(struct jp *j, struct buf *out);

static bool
jobject(struct jp *j)
{
	j->p++;
	j->depth++;
	ws(j);
	if (*j->p == '}') {
		j->p++;
		j->depth--;
		return true;
	}
	for (;;) {
		struct buf key;
		buf_init(&key);
		ws(j);
		bool ok = jstring(j, &key);
		bool mine = ok && j->depth == 1 && j->want &&
			    strcmp(buf_cstr(&key), j->want) == 0;
		buf_fini(&key);
		if (!ok)
			return false;
		ws(j);
		if (*j->p++ != ':')
			return false;
		ws(j);
		if (mine && *j->p == '"')
			j->found = true;
		if (!jvalue(j, mine ? j->got : NULL))
			return false;
		ws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != '}')
			return false;
		j->depth--;
		return true;
	}
}

static bool
jarray(struct jp *j)
{
	j->p++;
	ws(j);
	if (*j->p == ']') {
		j->p++;
		return true;
	}
	for (;;) {
		ws(j);
		if (!jvalue(j, NULL))
			return false;
		ws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		return *j->p++ == ']';
	}
}

static bool
jvalue(struct jp *j, struct buf *out)
{
	ws(j);
	switch (*j->p) {
	case '{':
		return jobject(j);
	case '[':
		return jarray(j);
	case '"':
		return jstring(j, out);
	default:
		break;
	}
	if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) {
		/* Integers only: the code writes nothing else. */
		if (*j->p == '-')
			j->p++;
		if (*j->p < '0' || *j->p > '9')
			return false;
		if (*j->p == '0' && j->p[1] >= '0' && j->p[1] <= '9')
			return false;
		while (*j->p >= '0' && *j->p <= '9')
			j->p++;
		return true;
	}
	static const char *const lits[] = {"true", "false", "null"};
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(lits[i]);
		if (strncmp(j->p, lits[i], n) == 0) {
			j->p += n;
			return true;
		}
	}
	return false;
}

/* True when doc is exactly one JSON object; decodes the string value of
 * its top-level member key into got when both are given. */
static bool
json_parse(const char *doc, const char *key, struct buf *got)
{
	struct jp j = {.p = doc, .want = key, .got = got};
	ws(&j);
	if (*j.p != '{' || !jvalue(&j, NULL))
		return false;
	ws(&j);
	return *j.p == '\0' && (!key || j.found);
}

/* ---- fixtures ---- */

static const struct site site = {
    .name = "Warta \"Banten\"",
    .base_url = "https://warta.example",
    .tagline = "Berita",
    .timezone = "Asia/Jakarta",
    .tz_abbr = "WIB",
    .tz_offset = 7 * 3600,
    .lang = "id",
};

static struct author authors[] = {
    {.id = 1, .slug = "ani-rahma", .name = "Ani Rahma", .initials = "Ani"},
    {.id = 2, .slug = "dony", .name = "Dony \"D\" <Putra>", .initials = "Dny"},
};
static struct tag tags[] = {
    {.id = 1, .slug = "banjir", .name = "Banjir"},
    {.id = 2, .slug = "pilkada", .name = "Pilkada & Pemilu"},
};

/* 2024-11-21 10:15:00 WIB */
#define T0 1732158900

static struct article
sample(void)
{
	struct article a = {
	    .id = 7,
	    .slug = "banjir-ciujung",
	    .title = "Banjir Ciujung",
	    .lead = "Air naik dua meter.",
	    .status = ST_PUBLISHED,
	    .section = {.id = 2, .slug = "daerah", .name = "Daerah"},
	    .published_at = T0,
	    .updated_at = T0 + 3600,
	    .authors = authors,
	    .nauthors = 2,
	    .tags = tags,
	    .ntags = 2,
	};
	return a;
}

static char *
render(const struct jsonld_article *in)
{
	struct buf b;
	buf_init(&b);
	assert_int_equal(jsonld_news_article(&site, in, &b), W_OK);
	char *s = strdup(buf_cstr(&b));
	buf_fini(&b);
	assert_non_null(s);
	return s;
}

/* No way out of a <script> element, and nothing that opens a comment. */
static void
assert_script_safe(const char *s)
{
	for (const char *p = s; *p; p++) {
		assert_true(strncasecmp(p, "</script", 8) != 0);
		assert_true(strncmp(p, "<!--", 4) != 0);
		assert_true(*p != '<' && *p != '>' && *p != '&');
	}
	assert_null(strstr(s, "\xE2\x80\xA8"));
	assert_null(strstr(s, "\xE2\x80\xA9"));
}

static void
test_exact(void **state)
{
	struct article a = sample();
	struct jsonld_article in = {
	    .a = &a,
	    .url = "https://warta.example/2024/11/21/banjir-ciujung",
	};
	char *s = render(&in);
	assert_string_equal(
	    s, "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	       "\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":"
	       "\"https://warta.example/2024/11/21/banjir-ciujung\"},"
	       "\"url\":\"https://warta.example/2024/11/21/banjir-ciujung\","
	       "\"headline\":\"Banjir Ciujung\","
	       "\"description\":\"Air naik dua meter.\","
	       "\"image\":\"https://warta.example/static/logo.png\","
	       "\"datePublished\":\"2024-11-21T10:15:00+07:00\","
	       "\"dateModified\":\"2024-11-21T11:15:00+07:00\","
	       "\"author\":[{\"@type\":\"Person\",\"name\":\"Ani Rahma\","
	       "\"url\":\"https://warta.example/penulis/ani-rahma\"},"
	       "{\"@type\":\"Person\",\"name\":\"Dony \\\"D\\\" "
	       "\\u003cPutra\\u003e\","
	       "\"url\":\"https://warta.example/penulis/dony\"}],"
	       "\"publisher\":{\"@type\":\"Organization\","
	       "\"name\":\"Warta \\\"Banten\\\"\","
	       "\"logo\":{\"@type\":\"ImageObject\","
	       "\"url\":\"https://warta.example/static/logo.png\","
	       "\"width\":600,\"height\":60}},"
	       "\"articleSection\":\"Daerah\","
	       "\"keywords\":[\"Banjir\",\"Pilkada \\u0026 Pemilu\"],"
	       "\"inLanguage\":\"id\"}");
	assert_true(json_parse(s, NULL, NULL));
	assert_script_safe(s);
	free(s);
}

static void
test_image_and_corrections(void **state)
{
	struct article a = sample();
	/* Saved before its scheduled time: modified is when it appeared. */
	a.updated_at = T0 - 86400;
	a.nauthors = 0;
	a.ntags = 0;
	a.section.name = NULL;
	struct jsonld_correction c[] = {
	    {"Nama camat sebelumnya keliru.", T0 + 7200},
	    {"Angka \"korban\" </script> diperbaiki.", T0 + 10800},
	};
	struct jsonld_article in = {
	    .a = &a,
	    .url = "https://warta.example/x",
	    .image = "https://warta.example/media/a.jpg",
	    .corrections = c,
	    .ncorrections = 2,
	};
	char *s = render(&in);
	assert_true(json_parse(s, NULL, NULL));
	assert_script_safe(s);
	assert_non_null(
	    strstr(s, "\"image\":\"https://warta.example/media/a.jpg\","));
	assert_non_null(
	    strstr(s, "\"datePublished\":\"2024-11-21T10:15:00+07:00\","
		      "\"dateModified\":\"2024-11-21T10:15:00+07:00\","));
	assert_non_null(strstr(s, "\"author\":[],"));
	assert_non_null(strstr(s, "\"keywords\":[],"));
	assert_null(strstr(s, "articleSection"));
	assert_non_null(
	    strstr(s, ",\"correction\":[{\"@type\":\"CorrectionComment\","
		      "\"text\":\"Nama camat sebelumnya keliru.\","
		      "\"datePublished\":\"2024-11-21T12:15:00+07:00\"},"
		      "{\"@type\":\"CorrectionComment\","
		      "\"text\":\"Angka \\\"korban\\\" \\u003c/script\\u003e "
		      "diperbaiki.\","
		      "\"datePublished\":\"2024-11-21T13:15:00+07:00\"}]}"));
	struct buf got;
	buf_init(&got);
	assert_true(json_parse(s, "image", &got));
	assert_string_equal(buf_cstr(&got),
			    "https://warta.example/media/a.jpg");
	buf_fini(&got);
	free(s);
}

static void
test_image_crops(void **state)
{
	(void)state;
	struct article a = sample();
	const char *const crops[] = {
	    "https://warta.example/media/0123456789abcdef-wide-500-500.jpg",
	    "https://warta.example/media/0123456789abcdef-std-500-500.jpg",
	    "https://warta.example/media/\"</script>.jpg",
	};
	struct jsonld_article in = {
	    .a = &a,
	    .url = "https://warta.example/x",
	    .image = "https://warta.example/media/ignored.jpg",
	    .images = crops,
	    .nimages = 3,
	};
	char *s = render(&in);
	assert_true(json_parse(s, NULL, NULL));
	assert_script_safe(s);
	assert_non_null(strstr(
	    s, "\"image\":[\"https://warta.example/media/0123456789abcdef"
	       "-wide-500-500.jpg\",\"https://warta.example/media/"
	       "0123456789abcdef-std-500-500.jpg\",\"https://warta.example/"
	       "media/\\\"\\u003c/script\\u003e.jpg\"],"));
	assert_null(strstr(s, "ignored"));
	free(s);
}

/* Decodes the headline of the article titled title and compares it with
 * want (title with invalid bytes replaced). */
static void
check_title(const char *title, const char *want)
{
	struct article a = sample();
	a.title = title;
	a.lead = title;
	struct tag t = {.id = 9, .slug = "t", .name = title};
	a.tags = &t;
	a.ntags = 1;
	struct author au = {.id = 9, .slug = "au", .name = title};
	a.authors = &au;
	a.nauthors = 1;
	a.section.name = title;
	struct jsonld_correction c = {title, T0};
	struct jsonld_article in = {
	    .a = &a, .url = title, .corrections = &c, .ncorrections = 1};
	char *s = render(&in);
	assert_script_safe(s);
	struct buf got;
	buf_init(&got);
	assert_true(json_parse(s, "headline", &got));
	assert_string_equal(buf_cstr(&got), want);
	buf_reset(&got);
	assert_true(json_parse(s, "description", &got));
	assert_string_equal(buf_cstr(&got), want);
	buf_fini(&got);
	free(s);
}

static void
test_hostile(void **state)
{
	static const char *const same[] = {
	    "</script><script>alert(1)</script><!--",
	    "</SCRIPT ><!-- -->",
	    "\"kutip\" 'tunggal' \\ \\\" \\u0022 /",
	    "baris\nbaru\r\ntab\tbel\x01\x1f akhir",
	    "pemisah\xE2\x80\xA8"
	    "baris\xE2\x80\xA9paragraf",
	    "<![CDATA[ ]]> & &amp; <b>",
	    "Bahasa: \xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\xB0",
	    "",
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		check_title(same[i], same[i]);
}

static void
test_invalid_utf8(void **state)
{
	/* Each bad byte becomes one U+FFFD; valid text around it stays. */
	check_title("a\xFF"
		    "b",
		    "a\xEF\xBF\xBD"
		    "b");
	check_title("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");
	check_title("potong\xE2\x80", "potong\xEF\xBF\xBD\xEF\xBF\xBD");
	check_title("\xED\xA0\x80<", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD<");
}

static void
test_oversized(void **state)
{
	size_t n = 200000;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "</script>\"\\\n"[i % 12];
	big[n] = '\0';
	check_title(big, big);
	free(big);
}

static void
test_string(void **state)
{
	struct buf b;
	buf_init(&b);
	jsonld_string(&b, NULL);
	jsonld_string(&b, "<!--x-->");
	assert_string_equal(buf_cstr(&b), "\"\"\"\\u003c!--x--\\u003e\"");
	buf_fini(&b);
}

/* The strict parser must itself reject what is not JSON, or the hostile
 * tests would prove nothing. */
static void
test_parser_rejects(void **state)
{
	static const char *const bad[] = {
	    "{\"a\":\"x\ny\"}",
	    "{\"a\":\"\\x\"}",
	    "{\"a\":1,}",
	    "{\"a\" 1}",
	    "{\"a\":\"b\"",
	    "{\"a\":\"\\u12\"}",
	    "{\"a\":01}",
	    "{} {}",
	    "[]",
	    "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(json_parse(bad[i], NULL, NULL));
	assert_true(json_parse(" {\"a\":[1,-2,true,null,{}],\"b\":\"\\/\"} ",
			       NULL, NULL));
}

/* A live blog: LiveBlogPosting with coverage times and one BlogPosting
 * per update; dateModified follows the newest change. */
static void
test_live_blog(void **state)
{
	struct article a = sample();
	struct jsonld_live_update u[] = {
	    {"Dua </script>", "Dua </script> \"kutip\"", "Ani Rahma",
	     "https://warta.example/x#update-2", T0 + 600, T0 + 9000},
	    {"Satu", "Satu", NULL, "https://warta.example/x#update-1",
	     T0 + 60, T0 + 60},
	};
	struct jsonld_live live = {T0, 0, u, 2};
	struct jsonld_article in = {.a = &a, .url = "https://warta.example/x",
				    .live = &live};
	char *s = render(&in);
	assert_true(json_parse(s, NULL, NULL));
	assert_script_safe(s);
	assert_non_null(strstr(s, "\"@type\":\"LiveBlogPosting\""));
	assert_null(strstr(s, "NewsArticle"));
	assert_non_null(strstr(s, "\"coverageStartTime\":"
				  "\"2024-11-21T10:15:00+07:00\""));
	assert_null(strstr(s, "coverageEndTime"));
	assert_non_null(strstr(s, "\"dateModified\":"
				  "\"2024-11-21T12:45:00+07:00\","));
	assert_non_null(strstr(
	    s, "\"liveBlogUpdate\":[{\"@type\":\"BlogPosting\","
	       "\"headline\":\"Dua \\u003c/script\\u003e\","));
	assert_non_null(strstr(s, "\"url\":\"https://warta.example/x"
				  "#update-1\"}]"));
	assert_non_null(strstr(s, "\"author\":{\"@type\":\"Person\","
				  "\"name\":\"Ani Rahma\"}"));
	free(s);
	live.end = T0 + 86400;
	live.nupdates = 0;
	s = render(&in);
	assert_true(json_parse(s, NULL, NULL));
	assert_non_null(strstr(s, "\"coverageEndTime\":"
				  "\"2024-11-22T10:15:00+07:00\""));
	assert_non_null(strstr(s, "\"liveBlogUpdate\":[]"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_exact),
	    cmocka_unit_test(test_live_blog),
	    cmocka_unit_test(test_image_and_corrections),
	    cmocka_unit_test(test_image_crops),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_oversized),
	    cmocka_unit_test(test_string),
	    cmocka_unit_test(test_parser_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
