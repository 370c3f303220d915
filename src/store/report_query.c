/* Queries of the printed summaries. */
#include "internal.h"

bool store_read_begin(store *s)
{
	/* Deferred: the snapshot is taken by the first read and holds no lock
	 * that would keep others from saving. */
	return db_exec(s->db, "BEGIN DEFERRED");
}

void store_read_end(store *s)
{
	/* Nothing was written: ending the transaction only lets the snapshot go. */
	if (!db_exec(s->db, "COMMIT"))
		db_exec(s->db, "ROLLBACK");
}
