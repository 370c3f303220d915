/* Search of a plan's texts: tasks, notes and report notes (the TUI's /). */
#include <string.h>
#include <stdlib.h>

#include "internal.h"
#include "ducha/xalloc.h"

/* Three characters or more: the trigram index (db/schema.sql) finds the
 * texts, the tables say whose and what kind; the index folds case. */
const char store_sql_search[] =
	"WITH hit AS MATERIALIZED (SELECT rowid AS id, text FROM search_text WHERE search_text MATCH :match)"
	"SELECT num, kind, text FROM ("
	"  SELECT t.num AS num, 0 AS kind, h.text AS text, 0 AS ord FROM hit h JOIN task t ON t.id = h.id / 4"
	"   WHERE h.id % 4 = 0 AND t.plan_id = :plan"
	"  UNION ALL"
	"  SELECT t.num, CASE n.kind WHEN 'comment' THEN 2 ELSE 1 END, h.text, n.id"
	"    FROM hit h JOIN note n ON n.id = h.id / 4 JOIN task t ON t.id = n.task_id"
	"   WHERE h.id % 4 = 1 AND t.plan_id = :plan"
	"  UNION ALL"
	"  SELECT t.num, 3, h.text, r.id FROM hit h JOIN report r ON r.id = h.id / 4 JOIN task t ON t.id = r.task_id"
	"   WHERE h.id % 4 = 2 AND t.plan_id = :plan)"
	" ORDER BY num, kind, ord DESC LIMIT :limit";

/* One or two characters are too short for trigrams: the task texts alone,
 * read in order (a few thousand rows), ASCII folded only when the needle
 * has ASCII letters. The screen says that notes are searched from three. */
#define FOLD(x) "CASE WHEN :fold THEN lower(" x ") ELSE " x " END"
const char store_sql_search_short[] =
	"SELECT t.num, 0, t.text FROM task t"
	" WHERE t.plan_id = :plan AND instr(" FOLD("t.text") ", " FOLD(":q") ") > 0"
	" ORDER BY t.num LIMIT :limit";

static void read_hit(db_stmt *q, void *item, void *ctx)
{
	search_hit *h = item;
	(void)ctx;
	h->task_num = (int)db_col_int(q, 0);
	h->kind = (search_kind)db_col_int(q, 1);
	h->text = db_col_dup(q, 2);
}

/* Characters, not bytes: Chinese needles are counted as the index counts. */
static int chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The needle as one FTS5 phrase: in double quotes, a quote inside doubled. */
static char *phrase(const char *needle)
{
	char *out = xmalloc(strlen(needle) * 2 + 3), *w = out;
	*w++ = '"';
	for (const char *p = needle; *p; p++) {
		if (*p == '"')
			*w++ = '"';
		*w++ = *p;
	}
	*w++ = '"';
	*w = '\0';
	return out;
}

bool store_search_is_short(const char *needle)
{
	return chars(needle) < STORE_SEARCH_MIN_CHARS;
}

bool store_search(store *s, int64_t plan_id, const char *needle, int limit,
                  search_hit **out, int *n)
{
	*out = NULL;
	*n = 0;
	bool is_short = store_search_is_short(needle);
	db_stmt *q = db_prepare(s->db, is_short ? store_sql_search_short : store_sql_search);
	if (!q || !db_bind_int(q, ":plan", plan_id) || !db_bind_int(q, ":limit", limit))
		return false;
	bool ok;
	if (is_short) {
		bool fold = false;
		for (const char *p = needle; *p && !fold; p++)
			fold = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
		ok = db_bind_text(q, ":q", needle) && db_bind_int(q, ":fold", fold);
	} else {
		char *m = phrase(needle);
		ok = db_bind_text(q, ":match", m);
		free(m);
	}
	return ok && db_collect(q, out, n, sizeof **out, read_hit, NULL);
}

void store_search_free(search_hit *h, int n)
{
	for (int i = 0; i < n; i++)
		free(h[i].text);
	free(h);
}
