/* libFuzzer: the 分工表 importer's pure half — encoding detection, CSV
 * parsing, table reading, agency splitting and target proposals — on
 * arbitrary bytes: no crash, every refusal has a reason, and every accepted
 * cell is valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/csvread.h"
#include "ducha/plantable.h"
#include "ducha/target.h"
#include "ducha/text.h"

static void check_cells(const csv_table *t)
{
	for (int r = 0; r < t->nrows; r++)
		for (int f = 0; f < t->rows[r].nfields; f++) {
			const char *cell = t->rows[r].fields[f];
			if (!text_utf8_valid(cell, strlen(cell), NULL))
				abort();
			static target_list targets;
			target_propose(cell, &targets);
			if (targets.n < 0 || targets.nskipped < 0)
				abort();
			char **names, err[256];
			int n = plantable_split_agencies(cell, NULL, &names, err, sizeof err);
			if (n > 0)
				plantable_free_names(names, n);
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	csv_table t;
	int line = 0;
	char err[512] = "";
	if (!csvread_parse((const char *)data, size, &t, &line, err, sizeof err)) {
		if (err[0] == '\0')
			abort();
		return 0;
	}
	check_cells(&t);
	plantable table;
	plantable_read(&t, true, NULL, &table);
	plantable_free(&table);
	csvread_free(&t);
	return 0;
}
