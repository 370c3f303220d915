/* Queries of the printed summaries. */
#include "internal.h"

bool store_read_begin(store *s)
{
	return db_read_begin(s->db);
}

void store_read_end(store *s)
{
	db_read_end(s->db);
}
