/* Changes to a plan's definition after its import (administrators): the
 * input checked as import-plan checks a 分工表's cells, then one store write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_agencies.h"
#include "ducha/app_write.h"
#include "ducha/deadline.h"
#include "ducha/plantable.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"

static bool may_edit(app *a, char *msg, size_t len)
{
	return app_admin_writes(a, "修改工作方案", msg, len);
}

static bool valid(const char *field, int max, bool multiline, const char *value, char *msg, size_t len)
{
	text_rule rule = { field, max, multiline, true };
	return validate_text(&rule, value, msg, len);
}

typedef struct agency_cells {
	char **lead, **support;
	int nlead, nsupport;
} agency_cells;

static void cells_free(agency_cells *c)
{
	plantable_free_names(c->lead, c->nlead);
	plantable_free_names(c->support, c->nsupport);
}

/* A cell split and resolved as import-plan does it; -1 on a bad one. */
static int split(const agency_names *k, const char *field, const char *cell, char ***names, char *msg, size_t len)
{
	char err[300];
	*names = NULL;
	if (!valid(field, 2000, true, cell, msg, len) && cell[0])
		return -1;
	int n = plantable_split_agencies(cell, &k->known, names, err, sizeof err);
	if (n < 0)
		snprintf(msg, len, "%s: %s", field, err);
	else
		n = agency_names_resolve(k, *names, n);
	return n;
}

/* Names the database does not know: a question unless confirmed. */
static bool new_names(const agency_names *k, const agency_cells *c, bool confirmed, char *msg, size_t len)
{
	size_t used = 0;
	int n = 0;
	for (int support = 0; support < 2; support++) {
		char **names = support ? c->support : c->lead;
		int count = support ? c->nsupport : c->nlead;
		for (int i = 0; i < count; i++) {
			if (agency_names_has(k, names[i]))
				continue;
			char line[400];
			agency_names_describe_new(k, names[i], line, sizeof line);
			used += (size_t)snprintf(msg + used, used < len ? len - used : 0, "%s%s", n++ ? "；" : "数据库中没有的单位：",
			                         line);
			if (used >= len)
				used = len - 1;
		}
	}
	return n > 0 && !confirmed;
}

/* The first agency both cells name, or NULL. */
static const char *in_both(const agency_cells *c)
{
	for (int i = 0; i < c->nlead; i++)
		for (int j = 0; j < c->nsupport; j++)
			if (strcmp(c->lead[i], c->support[j]) == 0)
				return c->lead[i];
	return NULL;
}

/* The agencies the task keeps in the role not changed (its list is joined with ';'). */
static int kept_role(const char *joined, char ***names)
{
	char err[300];
	int n = plantable_split_agencies(joined ? joined : "", NULL, names, err, sizeof err);
	return n < 0 ? 0 : n;
}

static app_result check_agencies(const agency_names *k, const task_rec *t, const task_change *c, agency_cells *out,
                                 char *msg, size_t len)
{
	if (c->lead && (out->nlead = split(k, "牵头单位", c->lead, &out->lead, msg, len)) < 0)
		return APP_REFUSED;
	if (c->lead && out->nlead == 0) {
		snprintf(msg, len, "牵头单位不能为空");
		return APP_REFUSED;
	}
	if (c->support && (out->nsupport = split(k, "配合单位", c->support, &out->support, msg, len)) < 0)
		return APP_REFUSED;
	if (new_names(k, out, c->confirmed, msg, len))
		return APP_CONFIRM;
	/* The same agency may not lead and support: a role not changed keeps its
	 * agencies, which the new ones of the other role must not repeat. */
	agency_cells roles = *out;
	if (!c->lead)
		roles.nlead = kept_role(t->lead, &roles.lead);
	if (!c->support)
		roles.nsupport = kept_role(t->support, &roles.support);
	const char *both = in_both(&roles);
	app_result r = APP_OK;
	if (both) {
		snprintf(msg, len, "“%s”同时列在牵头单位和配合单位中", both);
		r = APP_REFUSED;
	}
	if (!c->lead)
		plantable_free_names(roles.lead, roles.nlead);
	if (!c->support)
		plantable_free_names(roles.support, roles.nsupport);
	return r;
}

static app_result read_agencies(app *a, const task_rec *t, const task_change *c, agency_cells *out, char *msg,
                                size_t len)
{
	agency_names k;
	memset(out, 0, sizeof *out);
	if (!agency_names_read(a->st, &k, msg, len))
		return APP_FAILED;
	app_result r = check_agencies(&k, t, c, out, msg, len);
	agency_names_free(&k);
	if (out->nlead < 0)
		out->nlead = 0;
	if (out->nsupport < 0)
		out->nsupport = 0;
	return r;
}

app_result app_edit_task(app *a, const task_detail *d, const task_change *c, char *msg, size_t len)
{
	if (!may_edit(a, msg, len))
		return APP_REFUSED;
	if (!c->text && !c->deadline && !c->lead && !c->support && !c->measure) {
		snprintf(msg, len, "没有要修改的内容");
		return APP_REFUSED;
	}
	task_edit e = { .measure = c->measure, .set_lead = c->lead != NULL, .set_support = c->support != NULL };
	char *text = NULL, *written = NULL;
	deadline due;
	if (c->text && !valid("重点任务", 4000, true, c->text, msg, len))
		return APP_REFUSED;
	if (c->deadline && !valid("完成时限", 100, true, c->deadline, msg, len))
		return APP_REFUSED;
	written = c->deadline ? plantable_join_lines(c->deadline) : NULL;
	if (written && !deadline_parse(written, &due, msg, len)) {
		free(written);
		return APP_REFUSED;
	}
	agency_cells cells;
	app_result r = read_agencies(a, &d->task, c, &cells, msg, len);
	if (r == APP_OK) {
		e.text = text = c->text ? plantable_join_lines(c->text) : NULL;
		e.deadline = written;
		if (c->deadline) {
			e.ndues = due.count;
			memcpy(e.dues, due.dues, sizeof e.dues);
		}
		e.lead = (const char *const *)cells.lead;
		e.nlead = cells.nlead;
		e.support = (const char *const *)cells.support;
		e.nsupport = cells.nsupport;
		r = store_edit_task(a->st, &a->who, d->task.id, &e) ? APP_OK : app_store_failure(a, msg, len);
	}
	free(text);
	free(written);
	cells_free(&cells);
	return r;
}

app_result app_edit_sections(app *a, const section_edit *e, int n, char *msg, size_t len)
{
	if (!may_edit(a, msg, len))
		return APP_REFUSED;
	for (int i = 0; i < n; i++) {
		if ((e[i].title && !valid(e[i].measure ? "措施标题" : "领域标题", 200, false, e[i].title, msg, len)) ||
		    (e[i].short_name && !valid("简称", 20, false, e[i].short_name, msg, len)))
			return APP_REFUSED;
		if (!e[i].title && !e[i].short_name) {
			snprintf(msg, len, "%s %d 没有要修改的内容", e[i].measure ? "措施" : "领域", e[i].num);
			return APP_REFUSED;
		}
	}
	return store_edit_sections(a->st, &a->who, a->plan.id, e, n) ? APP_OK : app_store_failure(a, msg, len);
}
