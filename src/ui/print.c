/* p: writes the summary of the agency or list in view into the report
 * folder and prints it. The summary model asks the store and the flag module
 * itself, so the paper says what the screen says. */
#include "ui_print.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ducha/permission.h"
#include "ducha/print.h"
#include "ducha/summary.h"
#include "ducha/text.h"
#include "ui_i18n.h"

/* The file of the summary in the report folder; false (and said why) when
 * the folder cannot be made or written. */
static bool target(ui *u, const summary *s, char *path, size_t len)
{
	char err[PATH_MAX + 300], name[128], folder[PATH_MAX + 100];
	output_rules r = app_output_rules(u->c);
	if (!permission_output_folder(&r, folder, sizeof folder, err, sizeof err) ||
	    !print_folder_ensure(folder, err, sizeof err)) {
		ui_message(u, true, "%s", err);
		return false;
	}
	summary_file_name(s, FMT_PDF, name, sizeof name);
	if (snprintf(path, len, "%s/%s", folder, name) >= (int)len) {
		ui_message(u, true, UI_L("报告文件夹路径太长：%s", "Report folder path too long: %s"), folder);
		return false;
	}
	if (!permission_output_path(&r, path, err, sizeof err)) {
		ui_message(u, true, "%s", err);
		return false;
	}
	return true;
}

/* Writes and prints a built summary, and says what happened. */
static void deliver(ui *u, const summary *s)
{
	const config *cfg = &u->c->cfg;
	char path[PATH_MAX + 200], err[PATH_MAX + 400];
	/* Paper is PDF: a printer's text filter prints Chinese as boxes. */
	summary_output o = { FMT_PDF, cfg->page_width, cfg->page_length, cfg->csv_encoding, &cfg->doc };
	if (!target(u, s, path, sizeof path))
		return;
	if (!summary_write_file(s, u->c->st, &o, path, false, err, sizeof err)) {
		ui_message(u, true, "%s", err);
		return;
	}
	if (!cfg->print_command[0]) {
		ui_message(u, false, UI_L("已写入（未配置打印命令）：%s", "Written (no print command set): %s"),
		           path);
		return;
	}
	/* Quiet: the command's own output would scribble over the screen. */
	if (!print_run(cfg->print_command, path, true, err, sizeof err))
		ui_message(u, true, UI_L("未能打印（%s）；文件在 %s", "Not printed (%s); the file is %s"), err,
		           path);
	else
		ui_message(u, false, UI_L("已送打印：%s", "Sent to the printer: %s"), path);
}

static void produce(ui *u, summary_request *r)
{
	const config *cfg = &u->c->cfg;
	r->as_of = u->c->as_of;
	r->rules = &cfg->flags;
	r->user = u->c->who.user;
	summary s = { 0 };
	/* Paper keeps its own signs: the screen's ASCII ones are for the screen. */
	unsigned display = text_display();
	text_set_display(0);
	if (summary_build(&s, u->c->st, &u->c->plan, r))
		deliver(u, &s);
	else
		ui_message(u, true, "%s", store_error(u->c->st));
	summary_free(&s);
	text_set_display(display);
}

void ui_print_agency(ui *u, int64_t agency_id, const char *name)
{
	summary_request r = { .scope = SUMMARY_AGENCY, .agency_id = agency_id, .agency_name = name };
	produce(u, &r);
}

void ui_print_list(ui *u, const char *kind, const char *agency, const char *title, const int *nums, int n)
{
	int64_t id;
	bool found;
	if (agency) {
		if (store_agency_find(u->c->st, agency, &id, &found) && found)
			ui_print_agency(u, id, agency);
		else
			ui_message(u, true, "%s", store_error(u->c->st));
		return;
	}
	summary_request r = { .scope = SUMMARY_LIST, .title = title, .list_key = kind, .nums = nums, .nnums = n };
	produce(u, &r);
}

void ui_print_unavailable(ui *u)
{
	char key[32];
	ui_keymap_first(&u->keys, UI_ACT_PRINT, key, sizeof key);
	ui_message(u, false, UI_L("在单位一览或任务列表中按 %s 打印督办单或清单", "%s prints a notice from the agencies or a task list"),
	           key);
}
