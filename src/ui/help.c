/* Help, generated from the action table and the key map in force (so a key
 * changed in ducha.ini shows here as it works), and the flags' legend. */
#include "ui_help.h"

#include "ducha/wording.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_doc.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { KEYS_W = 18, DOC_X = 1 };

typedef struct help_view {
	view base;
	ui_doc doc;
	const char *const *explain;  /* of the form it was opened over, or NULL */
} help_view;

static const struct { unsigned scope; const char *zh, *en; } groups[] = {
	{ UI_SCOPE_GLOBAL, "全局", "Everywhere" },
	{ UI_SCOPE_PANES, "领域窗格（主屏）", "Area panes (main screen)" },
	{ UI_SCOPE_LIST, "列表和滚动", "Lists and scrolling" },
	{ UI_SCOPE_TASK, "任务（选中或打开时）", "Tasks (selected or open)" },
	{ UI_SCOPE_EDIT, "表单和编辑（其余按键输入文字，可输入或粘贴中文）",
	  "Forms and editing (other keys type text, Chinese typed or pasted)" },
};

/* Each action is listed once, under the first group its scope names. */
static bool listed_under(unsigned scope, unsigned group)
{
	return (scope & group) && !(scope & (group - 1));
}

static void build_keys(ui *u, ui_doc *d)
{
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		ui_doc_line_start(d, 0);
		ui_doc_add(d, UI_L(groups[g].zh, groups[g].en), UI_E_HEADER);
		for (int a = 0; a < UI_ACTION_COUNT; a++) {
			const ui_action_info *info = ui_action_get((ui_action)a);
			if (!listed_under(info->scope, groups[g].scope))
				continue;
			char keys[128], label[sizeof keys + KEYS_W + 2];
			ui_keymap_describe(&u->keys, (ui_action)a, keys, sizeof keys);
			int w = text_width(keys);
			snprintf(label, sizeof label, "%s%*s", keys, w < KEYS_W ? KEYS_W - w : 1, "");
			ui_doc_line_start(d, 2);
			ui_doc_add(d, label, UI_E_HINT_KEY);
			ui_doc_add(d, info->help[ui_english()], UI_E_NORMAL);
			/* The names [keys] uses, for those who change keys: English help only. */
			if (ui_english()) {
				ui_doc_add(d, "  ", UI_E_NORMAL);
				ui_doc_add(d, info->name, UI_E_DIM);
			}
		}
		ui_doc_blank(d);
	}
}

/* What to enter in the form beneath, paragraph by paragraph. */
static void build_form(ui_doc *d, const char *text)
{
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("本表单怎么填", "This form"), UI_E_HEADER);
	char *copy = xstrdup(text);
	for (char *save = NULL, *p = strtok_r(copy, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
		ui_doc_para(d, 2, NULL, 0, p, UI_E_NORMAL);
	free(copy);
	ui_doc_blank(d);
}

static void build_flags(ui *u, ui_doc *d)
{
	static const char *const why[FLAG_COUNT][2] = {
		{ "目标已达到，或任务已完成并销号", "target met, or the task completed and accepted" },
		{ "不低于序时进度", "at or above expected progress" },
		{ "未完成且临近到期", "not done and due within the configured days" },
		{ "低于序时进度，超过提醒线", "below expected progress by more than the warning line" },
		{ "上一个已结束的季度没有填报", "no report for the last closed quarter" },
		{ "低于序时进度，超过警戒线", "below expected progress by more than the red line" },
		{ "已过完成时限：该季度的填报说未完成，或逾期未报",
		  "past its due date, and that quarter's report says not done or is overdue itself" },
	};
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("预警标记（符号和文字一起显示，不只靠颜色）", "Flags (a sign and a word, never colour alone)"),
	           UI_E_HEADER);
	for (int f = 0; f < FLAG_COUNT; f++) {
		char mark[64];
		const char *glyph = flag_glyph((flag_value)f);
		int gw = text_width(glyph);
		snprintf(mark, sizeof mark, "%s%*s%s", glyph, gw < 4 ? 4 - gw : 1, "", flag_label((flag_value)f, ui_english()));
		int w = text_width(mark);
		ui_doc_line_start(d, 2);
		ui_doc_add(d, mark, ui_flag_elem((flag_value)f));
		ui_doc_add(d, w < KEYS_W ? "" : " ", UI_E_NORMAL);
		char pad[KEYS_W + 1];
		snprintf(pad, sizeof pad, "%*s", w < KEYS_W ? KEYS_W - w : 0, "");
		ui_doc_add(d, pad, UI_E_NORMAL);
		ui_doc_add(d, why[f][ui_english()], UI_E_NORMAL);
	}
	ui_doc_blank(d);
	ui_doc_para(d, 0, NULL, 0, wording_judging_rules(ui_english()), UI_E_NORMAL);
	char text[1200];
	wording_thresholds(&u->c->cfg.flags, ui_english(), text, sizeof text);
	ui_doc_para(d, 0, NULL, 0, text, UI_E_NORMAL);
	char *folder = text_escape(u->c->cfg.report_dir, 0);
	snprintf(text, sizeof text, UI_L("打印（p）的 PDF 写入报告文件夹 %s（[report] folder）%s。",
	                                 "Printed PDFs (p) go into the report folder %s ([report] folder)%s."),
	         folder, u->c->cfg.print_command[0] ? UI_L("，并交给打印命令", ", then to the print command") : "");
	free(folder);
	ui_doc_para(d, 0, NULL, 0, text, UI_E_NORMAL);
	ui_doc_blank(d);
	ui_doc_para(d, 0, NULL, 0, UI_L("按键可在 ducha.ini 的 [keys] 中修改（动作名 = 按键，如 save = F2 ^S；动作名见 README 或英文帮助），"
	                                "颜色在 [colors] 中修改（元素 = 前景色,背景色）；设置 NO_COLOR 或 [ui] color = never 即不用颜色。",
	                                "Keys are set in [keys] of ducha.ini (action = keys, e.g. save = F2 ^S), colours in "
	                                "[colors] (element = fg,bg); NO_COLOR or [ui] color = never turns colour off."),
	            UI_E_DIM);
}

static void help_layout(ui *u, view *v)
{
	help_view *h = (help_view *)v;
	int top = h->doc.top;
	ui_doc_clear(&h->doc, COLS - 2 * DOC_X);
	if (h->explain && h->explain[ui_english()])
		build_form(&h->doc, h->explain[ui_english()]);
	build_keys(u, &h->doc);
	build_flags(u, &h->doc);
	h->doc.top = top;
}

static void help_draw(ui *u, view *v)
{
	(void)u;
	help_view *h = (help_view *)v;
	ui_doc_draw(&h->doc, UI_BODY_TOP, DOC_X, ui_body_end() - UI_BODY_TOP + 1);
}

static bool help_action(ui *u, view *v, ui_action a)
{
	(void)u;
	return ui_doc_action(&((help_view *)v)->doc, a);
}

static void help_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	help_view *h = (help_view *)v;
	if (ev->mouse == UI_MOUSE_WHEEL_UP || ev->mouse == UI_MOUSE_WHEEL_DOWN)
		for (int i = 0; i < 3; i++)
			ui_doc_action(&h->doc, ev->mouse == UI_MOUSE_WHEEL_UP ? UI_ACT_UP : UI_ACT_DOWN);
}

static void help_free(view *v)
{
	help_view *h = (help_view *)v;
	ui_doc_free(&h->doc);
	free(h);
}

static const ui_action help_hints[] = {
	UI_ACT_PAGE_DOWN, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_NONE,
};

static const view_ops help_ops = {
	.name = "help",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST,
	.layout = help_layout,
	.draw = help_draw,
	.action = help_action,
	.mouse = help_mouse,
	.free = help_free,
	.hints = help_hints,
};

view *ui_help_new(ui *u)
{
	help_view *h = xcalloc(1, sizeof *h);
	h->base.ops = &help_ops;
	view *beneath = ui_top(u);
	if (beneath && beneath->ops->explain[0])
		h->explain = beneath->ops->explain;
	return &h->base;
}
