/* Search of a plan's texts: tasks, notes and report notes (the TUI's /). */
#include <stdlib.h>

#include "internal.h"

/* ASCII case is folded only when the needle holds ASCII letters: a needle
 * without any (Chinese, digits) matches the same text either way, and
 * lowering every note on every keystroke of a search is the slow part. */
#define FOLD(x) "CASE WHEN :fold THEN lower(" x ") ELSE " x " END"

const char store_sql_search[] =
	"SELECT num, kind, text FROM ("
	"  SELECT t.num AS num, 0 AS kind, t.text AS text, 0 AS ord FROM task t"
	"   WHERE t.plan_id = :plan AND instr(" FOLD("t.text") ", " FOLD(":q") ") > 0"
	"  UNION ALL"
	"  SELECT t.num, CASE n.kind WHEN 'comment' THEN 2 ELSE 1 END, n.text, n.id"
	"    FROM note n JOIN task t ON t.id = n.task_id"
	"   WHERE t.plan_id = :plan AND instr(" FOLD("n.text") ", " FOLD(":q") ") > 0"
	"  UNION ALL"
	"  SELECT t.num, 3, r.note, r.id FROM report r JOIN task t ON t.id = r.task_id"
	"   WHERE t.plan_id = :plan AND r.note <> '' AND instr(" FOLD("r.note") ", " FOLD(":q") ") > 0)"
	" ORDER BY num, kind, ord DESC LIMIT :limit";

static void read_hit(db_stmt *q, void *item, void *ctx)
{
	search_hit *h = item;
	(void)ctx;
	h->task_num = (int)db_col_int(q, 0);
	h->kind = (search_kind)db_col_int(q, 1);
	h->text = db_col_dup(q, 2);
}

bool store_search(store *s, int64_t plan_id, const char *needle, int limit,
                  search_hit **out, int *n)
{
	/* instr() compares characters, so a Chinese substring matches exactly;
	 * lower() folds ASCII only, which is what people expect of "AI" or "ai". */
	db_stmt *q = db_prepare(s->db, store_sql_search);
	*out = NULL;
	*n = 0;
	bool fold = false;
	for (const char *p = needle; *p && !fold; p++)
		fold = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
	if (!q || !db_bind_int(q, ":plan", plan_id) || !db_bind_text(q, ":q", needle) ||
	    !db_bind_int(q, ":fold", fold) || !db_bind_int(q, ":limit", limit))
		return false;
	return db_collect(q, out, n, sizeof **out, read_hit, NULL);
}

void store_search_free(search_hit *h, int n)
{
	for (int i = 0; i < n; i++)
		free(h[i].text);
	free(h);
}
