/* The summary model: each task loaded and judged once, sections that point
 * at them (an agency's lead and support tasks, or a list), and the overview
 * ranking of every agency. */
#include "ducha/summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ducha/app_judge.h"
#include "ducha/date.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

static char *dup(const char *s)
{
	char *p = xstrdup(s ? s : "");
	return p;
}

/* ---- tasks ---- */

static int quarter_index(int year, int quarter)
{
	return year * 4 + quarter - 1;
}

/* Which reports count: the flag module's rule (a quarter is known once it
 * has begun), and where those after --since start. Reports are by period. */
static void mark_reports(const summary *s, summary_task *t)
{
	t->known = 0;
	while (t->known < t->d->nreports &&
	       period_first_day(t->d->reports[t->known].year, t->d->reports[t->known].quarter) <= s->as_of)
		t->known++;
	t->since_from = t->known;
	if (!s->since)
		return;
	int after = quarter_index(s->since_year, s->since_quarter);
	for (int i = 0; i < t->known; i++)
		if (quarter_index(t->d->reports[i].year, t->d->reports[i].quarter) > after) {
			t->since_from = i;
			break;
		}
}

/* What a summary reads of a task: the report texts it shows and, with
 * --since, the whole series for the changes. */
static unsigned depth(const summary *s)
{
	/* The task's notes too: the summaries show the 配合情况 of supporting agencies. */
	return JUDGE_TEXTS | JUDGE_LATEST_NOTES | (s->since ? JUDGE_SERIES : 0);
}

static int find_task(const summary *s, int num)
{
	return num >= 1 && num < s->cap_slots ? s->slots[num] - 1 : -1;
}

/* What a document shows of a task, once judged: the reports from the
 * latest before --since's quarters to the latest known, and the latest note
 * of each kind. The rest of its history is let go, so that a summary of the
 * whole plan holds a few records a task, not every quarter of every task. */
static void keep_shown(summary_task *t)
{
	task_detail *d = &t->own->d;
	int lo = t->known ? (t->since_from < t->known - 1 ? t->since_from : t->known - 1) : 0, kept = 0;
	for (int i = 0; i < d->nreports; i++) {
		if (i >= lo && i < t->known)
			d->reports[kept++] = d->reports[i];
		else
			model_report_free(&d->reports[i]);
	}
	d->nreports = kept;
	d->reports = xrealloc(d->reports, (size_t)(kept ? kept : 1) * sizeof *d->reports);
	t->known -= lo;
	t->since_from -= lo;
	kept = 0;
	for (int i = 0; i < d->nnotes; i++) {
		bool later = false;
		for (int k = i + 1; k < d->nnotes && !later; k++)
			later = strcmp(d->notes[k].kind, d->notes[i].kind) == 0;
		if (later)
			model_note_free(&d->notes[i]);
		else
			d->notes[kept++] = d->notes[i];
	}
	d->nnotes = kept;
	d->notes = xrealloc(d->notes, (size_t)(kept ? kept : 1) * sizeof *d->notes);
}

/* Takes a judged task over from the cache, with its verdict then (--since). */
static int keep_task(summary *s, judged_task *j)
{
	int num = j->d.task.num;
	s->tasks = xgrow(s->tasks, s->ntasks, &s->cap_tasks, sizeof *s->tasks);
	summary_task *t = &s->tasks[s->ntasks];
	memset(t, 0, sizeof *t);
	t->own = j;
	t->d = &j->d;
	t->now = &j->st;
	if (s->since)
		flag_evaluate_task(t->d, s->plan, s->since_day, s->rules, false, &t->then);
	mark_reports(s, t);
	keep_shown(t);
	if (num >= s->cap_slots) {
		int cap = s->cap_slots ? s->cap_slots : 64;
		while (cap <= num)
			cap *= 2;
		s->slots = xrealloc(s->slots, (size_t)cap * sizeof *s->slots);
		memset(s->slots + s->cap_slots, 0, (size_t)(cap - s->cap_slots) * sizeof *s->slots);
		s->cap_slots = cap;
	}
	s->slots[num] = s->ntasks + 1;
	return s->ntasks++;
}

/* Tasks read together at most: what memory holds of histories at once. */
enum { SUMMARY_READ_BATCH = 256 };

/* Reads and keeps the tasks among nums not kept yet, a batch at a time
 * (store_task_details through the judged-task cache). Without --since a
 * summary shows each task's verdict and latest report; the notes too, for
 * the 配合情况 of supporting agencies. */
static bool preload(summary *s, const int *nums, int n)
{
	int *to_read = xcalloc((size_t)n + 1, sizeof *to_read), nread = 0;
	for (int i = 0; i < n; i++)
		if (find_task(s, nums[i]) < 0)
			to_read[nread++] = nums[i];
	bool ok = true;
	for (int from = 0; ok && from < nread; from += SUMMARY_READ_BATCH) {
		int k = nread - from < SUMMARY_READ_BATCH ? nread - from : SUMMARY_READ_BATCH;
		ok = judge_cache_load_tasks(s->cache, to_read + from, k, depth(s));
		for (int i = 0; ok && i < k; i++) {
			judged_task *j = find_task(s, to_read[from + i]) < 0 ? judge_cache_take(s->cache, to_read[from + i]) : NULL;
			if (j)
				keep_task(s, j);
		}
	}
	free(to_read);
	return ok;
}

/* The index of task num in s->tasks, judged the first time; -1 when it is
 * no task (*ok stays true) or on a store error (*ok false). */
static int task_index(summary *s, int num, bool *ok)
{
	int i = find_task(s, num);
	if (i >= 0)
		return i;
	bool missing;
	const judged_task *known = judge_cache_task(s->cache, num, depth(s), &missing);
	*ok = known || missing;
	judged_task *j = known ? judge_cache_take(s->cache, num) : NULL;
	return j ? keep_task(s, j) : -1;
}

/* The numbers of the tasks that match q, in number order. */
static bool task_nums(summary *s, const task_filter *q, int **nums, int *n)
{
	return store_task_nums(s->st, s->plan->id, q, nums, n);
}

/* ---- sections ---- */

static summary_section *new_section(summary *s, const char *title, bool agency)
{
	s->sections = xgrow(s->sections, s->nsections, &s->cap_sections, sizeof *s->sections);
	summary_section *sec = &s->sections[s->nsections++];
	memset(sec, 0, sizeof *sec);
	sec->title = dup(title);
	sec->agency = agency;
	return sec;
}

static bool add_item(summary *s, summary_section *sec, int num, summary_role part_in, int *cap)
{
	bool ok = true;
	int i = task_index(s, num, &ok);
	if (i < 0)
		return ok;
	sec->items = xgrow(sec->items, sec->nitems, cap, sizeof *sec->items);
	sec->items[sec->nitems++] = (summary_item){ i, part_in };
	return true;
}

/* Counts each task once, even one an agency both leads and supports. */
static void count_section(summary *s, summary_section *sec)
{
	/* Marks by task, not a search of the items before each (quadratic in
	 * an agency's tasks: 31,000 of them at 100,000 tasks). */
	bool *seen_task = xcalloc((size_t)s->ntasks + 1, sizeof *seen_task);
	for (int i = 0; i < sec->nitems; i++) {
		bool seen = seen_task[sec->items[i].task];
		seen_task[sec->items[i].task] = true;
		flag_value f = s->tasks[sec->items[i].task].now->flag;
		bool lead = sec->items[i].role == SUMMARY_LEAD, support = sec->items[i].role == SUMMARY_SUPPORT;
		sec->nlead += lead;
		sec->nsupport += support;
		if (lead)
			sec->lead_flags[f]++;
		if (support)
			sec->support_flags[f]++;
		int weight = lead ? 2 : support ? 1 : 0;
		sec->rate_den += weight;
		sec->rate_num += summary_on_course(f) ? weight : 0;
		if (seen)
			continue;
		sec->ntasks++;
		sec->flags[s->tasks[sec->items[i].task].now->flag]++;
	}
	free(seen_task);
	sec->completion = sec->ntasks ? sec->flags[FLAG_DONE] * 100 / sec->ntasks : -1;
}

/* The tasks an agency leads or supports, through the store's own filter. */
static bool add_role(summary *s, summary_section *sec, const int *nums, int n, summary_role part_in,
                     int *cap)
{
	bool ok = true;
	for (int i = 0; i < n; i++)
		ok = ok && add_item(s, sec, nums[i], part_in, cap);
	return ok;
}

/* An agency's lead tasks, then its support tasks, loaded all together. */
static bool agency_nums(summary *s, int64_t agency_id, int **all, int *nlead, int *nsupport)
{
	task_filter lead = { .agency_id = agency_id, .role = "lead" };
	task_filter support = { .agency_id = agency_id, .role = "support" };
	int *l = NULL, *sp = NULL;
	bool ok = task_nums(s, &lead, &l, nlead) && task_nums(s, &support, &sp, nsupport);
	*all = ok ? calloc((size_t)(*nlead + *nsupport) + 1, sizeof **all) : NULL;
	if (ok && !*all)
		abort();
	if (ok) {
		/* An empty list may come back as NULL, which memcpy must not see. */
		if (*nlead)
			memcpy(*all, l, (size_t)*nlead * sizeof **all);
		if (*nsupport)
			memcpy(*all + *nlead, sp, (size_t)*nsupport * sizeof **all);
		ok = preload(s, *all, *nlead + *nsupport);
	}
	free(l);
	free(sp);
	return ok;
}

static bool add_agency(summary *s, const agency_rec *a)
{
	summary_section *sec = new_section(s, a->name, true);
	int cap = 0, *nums = NULL, nlead = 0, nsupport = 0;
	/* sec may move when a later section is added: fill it now. */
	bool ok = agency_nums(s, a->id, &nums, &nlead, &nsupport) &&
	          add_role(s, sec, nums, nlead, SUMMARY_LEAD, &cap) &&
	          add_role(s, sec, nums + nlead, nsupport, SUMMARY_SUPPORT, &cap);
	free(nums);
	count_section(s, sec);
	return ok;
}

static bool add_list(summary *s, const summary_request *r)
{
	summary_section *sec = new_section(s, r->title, false);
	int cap = 0;
	bool ok = preload(s, r->nums, r->nnums);
	for (int i = 0; i < r->nnums && ok; i++)
		ok = add_item(s, sec, r->nums[i], SUMMARY_LISTED, &cap);
	count_section(s, sec);
	snprintf(s->file_key, sizeof s->file_key, "list-%s", r->list_key ? r->list_key : "tasks");
	return ok;
}

/* ---- the overview ---- */

bool summary_on_course(flag_value f)
{
	return f == FLAG_DONE || f == FLAG_OK || f == FLAG_DUE_SOON;
}

/* Compares 推进率 exactly (a/b against c/d), so equal rates tie; an agency
 * with no tasks comes last. Negative: a is better. */
static int rate_cmp(const summary_section *a, const summary_section *b)
{
	if (!a->rate_den || !b->rate_den)
		return (a->rate_den == 0) - (b->rate_den == 0);
	long long l = (long long)a->rate_num * b->rate_den, r = (long long)b->rate_num * a->rate_den;
	return l > r ? -1 : l < r ? 1 : 0;
}

/* Best first; within a shared place by name, so the order is stable. */
static int rank_order(const void *pa, const void *pb, void *ctx)
{
	const summary *s = ctx;
	const summary_section *a = &s->sections[*(const int *)pa];
	const summary_section *b = &s->sections[*(const int *)pb];
	int c = rate_cmp(a, b);
	return c ? c : strcmp(a->title, b->title);
}

/* Standard competition places: 1, 1, 3. */
static void rank(summary *s)
{
	s->ranking = xcalloc((size_t)s->nsections + 1, sizeof *s->ranking);
	for (int i = 0; i < s->nsections; i++)
		s->ranking[i] = i;
	qsort_r(s->ranking, (size_t)s->nsections, sizeof *s->ranking, rank_order, s);
	for (int i = 0; i < s->nsections; i++) {
		summary_section *sec = &s->sections[s->ranking[i]];
		const summary_section *prev = i ? &s->sections[s->ranking[i - 1]] : NULL;
		sec->rank = prev && rate_cmp(prev, sec) == 0 ? prev->rank : i + 1;
	}
}

/* Every task of the plan, so the totals are the whole plan's. */
static bool load_all_tasks(summary *s)
{
	int *nums, n;
	if (!task_nums(s, NULL, &nums, &n))
		return false;
	bool ok = preload(s, nums, n);
	for (int i = 0; i < n && ok; i++) {
		int k = task_index(s, nums[i], &ok);
		if (k >= 0)
			s->totals[s->tasks[k].now->flag]++;
	}
	free(nums);
	s->ntotal = n;
	return ok;
}

static bool add_agencies(summary *s, const summary_request *r)
{
	agency_rec *list;
	int n;
	/* The whole plan first: the tasks are then in number order, as the
	 * overview lists them. */
	if (r->scope == SUMMARY_ALL && !load_all_tasks(s))
		return false;
	if (!store_agencies(s->st, s->plan->id, &list, &n))
		return false;
	bool ok = true, found = r->scope == SUMMARY_ALL;
	for (int i = 0; i < n; i++) {
		if (ok && (r->scope == SUMMARY_ALL || list[i].id == r->agency_id)) {
			ok = add_agency(s, &list[i]);
			found = true;
			snprintf(s->file_key, sizeof s->file_key, "agency-%lld", (long long)list[i].id);
		}
		model_agency_free(&list[i]);
	}
	free(list);
	if (r->scope == SUMMARY_ALL) {
		snprintf(s->file_key, sizeof s->file_key, "all");
		s->overview = true;
		if (ok)
			rank(s);
	} else if (ok && !found) {
		/* An agency known to the database but named in no task of this
		 * plan: its summary says it has none. */
		count_section(s, new_section(s, r->agency_name, true));
		snprintf(s->file_key, sizeof s->file_key, "agency-%lld", (long long)r->agency_id);
	}
	return ok;
}

/* ---- building ---- */

static void stamp(summary *s, const char *user)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(s->produced_at, sizeof s->produced_at, "%Y-%m-%d %H:%M", &tm);
	snprintf(s->produced_by, sizeof s->produced_by, "%s", user ? user : "");
}

static void start(summary *s, store *st, const plan_rec *plan, const summary_request *r)
{
	memset(s, 0, sizeof *s);
	s->st = st;
	s->plan = plan;
	s->rules = r->rules;
	s->as_of = r->as_of;
	s->plan_code = dup(plan->code);
	s->plan_title = dup(plan->title);
	s->plan_issuer = dup(plan->issuer);
	s->since = r->since;
	s->since_year = r->since_year;
	s->since_quarter = r->since_quarter;
	s->since_day = r->since ? period_last_day(r->since_year, r->since_quarter) : 0;
	/* A document's reasons are in Chinese, whatever the screen's language. */
	judge_scope scope = { st, plan, r->as_of, r->rules, false };
	s->cache = xcalloc(1, sizeof *s->cache);
	judge_cache_open(s->cache, &scope);
	/* The summary keeps the tasks it takes, never a list row of them. */
	s->cache->tasks_only = true;
	stamp(s, r->user);
}

bool summary_build(summary *s, store *st, const plan_rec *plan, const summary_request *r)
{
	start(s, st, plan, r);
	if (!store_read_begin(st))
		return false;
	bool ok = store_audit_head(st, s->audit_head, &s->audit_rows);
	if (ok)
		ok = r->scope == SUMMARY_LIST ? add_list(s, r) : add_agencies(s, r);
	store_read_end(st);
	s->st = NULL;
	s->plan = NULL;
	s->rules = NULL;
	return ok;
}

void summary_free(summary *s)
{
	for (int i = 0; i < s->ntasks; i++) {
		flag_task_state_free(&s->tasks[i].then);
		judge_task_free(s->tasks[i].own);
	}
	if (s->cache)
		judge_cache_close(s->cache);
	free(s->cache);
	free(s->slots);
	for (int i = 0; i < s->nsections; i++) {
		free(s->sections[i].title);
		free(s->sections[i].items);
	}
	free(s->tasks);
	free(s->sections);
	free(s->ranking);
	free(s->plan_code);
	free(s->plan_title);
	free(s->plan_issuer);
	memset(s, 0, sizeof *s);
}

/* ---- questions the renderers ask ---- */

bool summary_task_changed(const summary *s, const summary_task *t)
{
	return s->since && (t->then.flag != t->now->flag || t->since_from < t->known);
}

static const note_rec *nth_note(const summary_task *t, const char *kind, int n)
{
	for (int i = t->d->nnotes - 1; i >= 0; i--)
		if (strcmp(t->d->notes[i].kind, kind) == 0 && n-- == 0)
			return &t->d->notes[i];
	return NULL;
}

const note_rec *summary_comment_note(const summary_task *t, int n)
{
	return nth_note(t, "comment", n);
}

const note_rec *summary_support_note(const summary_task *t, int n)
{
	return nth_note(t, "support", n);
}

const report_rec *summary_latest_report(const summary_task *t)
{
	return t->known ? &t->d->reports[t->known - 1] : NULL;
}

const char *summary_role_label(summary_role r)
{
	return r == SUMMARY_LEAD ? "牵头" : r == SUMMARY_SUPPORT ? "配合" : "";
}

const char *summary_role_name(summary_role r)
{
	return r == SUMMARY_LEAD ? "lead" : r == SUMMARY_SUPPORT ? "support" : "listed";
}

const char *summary_indicator_name(const task_detail *d, int64_t indicator_id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == indicator_id)
			return d->indicators[i].name;
	return "?";
}

void summary_since_text(const summary *s, char *buf, size_t len)
{
	char period[PERIOD_TEXT_SIZE];
	period_format(s->since_year, s->since_quarter, period);
	snprintf(buf, len, "%s", period);
}

void summary_file_name(const summary *s, out_format fmt, char *buf, size_t len)
{
	static const char *const ext[] = { [FMT_TEXT] = "txt", [FMT_CSV] = "csv", [FMT_JSON] = "json",
	                                   [FMT_HTML] = "html", [FMT_PDF] = "pdf", [FMT_DOCX] = "docx",
	                                   [FMT_XLSX] = "xlsx" };
	char date[DATE_TEXT_SIZE];
	date_format(s->as_of, date);
	snprintf(buf, len, "summary-%s-%s.%s", s->file_key, date, ext[fmt]);
}
