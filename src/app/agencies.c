/* The agencies a database knows, for splitting and checking agency cells:
 * see app_agencies.h. */
#include "ducha/app_agencies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/xalloc.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool agency_names_read(store *st, agency_names *k, char *msg, size_t len)
{
	memset(k, 0, sizeof *k);
	if (!st)
		return true;
	agency_rec *recs;
	int n;
	if (!store_agency_names(st, &recs, &n) || !store_agency_aliases(st, &k->aliases, &k->alias_of, &k->naliases)) {
		snprintf(msg, len, "%s", store_error(st));
		return false;
	}
	k->names = xcalloc((size_t)n + 1, sizeof *k->names);
	k->all = xcalloc((size_t)(n + k->naliases) + 1, sizeof *k->all);
	for (int i = 0; i < n; i++) {
		k->names[i] = k->all[i] = xstrdup(recs[i].name);
		model_agency_free(&recs[i]);
	}
	free(recs);
	k->nnames = n;
	for (int i = 0; i < k->naliases; i++)
		k->all[n + i] = k->aliases[i];
	qsort(k->names, (size_t)n, sizeof *k->names, by_name);
	qsort(k->all, (size_t)(n + k->naliases), sizeof *k->all, by_name);
	k->known = (plantable_known){ (const char *const *)k->all, n + k->naliases };
	return true;
}

void agency_names_free(agency_names *k)
{
	for (int i = 0; i < k->nnames; i++)
		free(k->names[i]);
	for (int i = 0; i < k->naliases; i++) {
		free(k->aliases[i]);
		free(k->alias_of[i]);
	}
	free(k->names);
	free(k->aliases);
	free(k->alias_of);
	free(k->all);
	memset(k, 0, sizeof *k);
}

bool agency_names_has(const agency_names *k, const char *name)
{
	return k->nnames && bsearch(&name, k->names, (size_t)k->nnames, sizeof *k->names, by_name);
}

int agency_names_resolve(const agency_names *k, char **names, int n)
{
	int kept = 0;
	for (int i = 0; i < n; i++) {
		char *const *hit = k->naliases ? bsearch(&names[i], k->aliases, (size_t)k->naliases, sizeof *k->aliases,
		                                         by_name) : NULL;
		if (hit) {
			free(names[i]);
			names[i] = xstrdup(k->alias_of[hit - k->aliases]);
		}
		bool again = false;
		for (int j = 0; j < kept && !again; j++)
			again = strcmp(names[j], names[i]) == 0;
		if (again)
			free(names[i]);
		else
			names[kept++] = names[i];
	}
	return kept;
}

void agency_names_describe_new(const agency_names *k, const char *name, char *out, size_t len)
{
	plantable_known own = { (const char *const *)k->names, k->nnames };
	const char *near = plantable_nearest(name, &own);
	if (near)
		snprintf(out, len, "%s — 是否为 %s？", name, near);
	else
		snprintf(out, len, "%s（数据库中没有相近的单位）", name);
}
