#ifndef DUCHA_UI_ACTION_H
#define DUCHA_UI_ACTION_H
/* Every action of the full-screen program, defined once (as in tig): its
 * enum value, its name under [keys] in ducha.ini, where it applies, its
 * default keys, and its hint and help texts in both languages. The key map,
 * the key hint line and the help screen are all generated from this table. */

/* Where an action applies. A view accepts the scopes it lists. */
enum {
	UI_SCOPE_GLOBAL = 1,   /* every screen that is not an editor */
	UI_SCOPE_LIST = 2,     /* lists and scrolled text */
	UI_SCOPE_PANES = 4,    /* the main screen's five area panes */
	UI_SCOPE_TASK = 8,     /* wherever a task is selected or open */
	UI_SCOPE_EDIT = 16,    /* forms and editors: other keys are typed text */
};

/* X(ID, name, scope, default keys, hint zh, hint en, help zh, help en) */
#define UI_ACTIONS(X) \
	X(QUIT, "quit", UI_SCOPE_GLOBAL, "q", "退出", "quit", \
	  "关闭当前屏幕；在起始屏幕上退出（有未保存的草稿时先询问）", \
	  "Close this screen; on the first screen, quit (asks first when a draft is unsaved)") \
	X(QUIT_NOW, "quit-now", UI_SCOPE_GLOBAL, "Q", "", "", \
	  "立即退出；未保存的输入留作草稿，下次启动时找回", "Quit at once; unsaved input is kept as drafts for next time") \
	X(JUMP, "jump", UI_SCOPE_GLOBAL, ":", "", "", \
	  "转到任务：输入编号后按 Enter（在任何屏幕上直接输入数字也可以）", \
	  "Go to a task: type its number, then Enter (typing digits on any screen does the same)") \
	X(PREV_TASK, "prev-task", UI_SCOPE_TASK, "[", "", "", \
	  "任务详情中：列表中的上一项任务", "In a task: the previous task of its list") \
	X(NEXT_TASK, "next-task", UI_SCOPE_TASK, "]", "", "", \
	  "任务详情中：列表中的下一项任务", "In a task: the next task of its list") \
	X(HELP, "help", UI_SCOPE_GLOBAL | UI_SCOPE_EDIT, "? F1", "帮助", "help", \
	  "显示本帮助", "Show this help") \
	X(BACK, "back", UI_SCOPE_GLOBAL, "Esc Backspace", "返回", "back", \
	  "返回上一屏，回到原来的位置（Backspace 立即返回）", "Back to where you were (Backspace: at once)") \
	X(REFRESH, "refresh", UI_SCOPE_GLOBAL, "^L", "刷新", "reload", \
	  "从数据库重新读取（看到别人刚保存的内容）", "Reload from the database (see what others just saved)") \
	X(AGENCIES, "agencies", UI_SCOPE_GLOBAL, "a", "单位", "agencies", \
	  "单位一览：牵头、配合任务数和各类预警数", "Agencies: lead/support tasks and flags of each") \
	X(MINE, "mine", UI_SCOPE_GLOBAL, "m", "我的", "mine", \
	  "我的任务：本单位牵头和配合的任务，各自本期填报的情况（填报人员）", \
	  "My tasks: those my agency leads and supports, with this quarter's report (reporters)") \
	X(PERIOD, "period", UI_SCOPE_GLOBAL, "b", "本期", "quarter", \
	  "本期填报：各单位应报、已报、待审核、已退回、未报", "This quarter's reports by agency: owed, filed, to review, returned, missing") \
	X(LAGGING, "lagging", UI_SCOPE_GLOBAL, "l", "滞后", "lagging", \
	  "有预警的任务，最严重的在前", "Flagged tasks, worst first") \
	X(REMIND, "remind", UI_SCOPE_GLOBAL, "r", "催办", "remind", \
	  "催办：各单位已逾期、未报送和临近完成时限的任务，即 ducha remind 将发出的内容", \
	  "Reminders: what ducha remind would send each agency (overdue, unreported, near its date)") \
	X(SEARCH, "search", UI_SCOPE_GLOBAL, "/", "搜索", "search", \
	  "边输入边搜索：任务序号、单位名称、任务内容、进展情况和填报说明", "Search as you type: task numbers, agency names, task texts and notes") \
	X(FILTER, "filter", UI_SCOPE_PANES | UI_SCOPE_LIST, "f", "筛选", "filter", \
	  "按单位、预警（或“滞后及以上”等）或完成年份筛选任务清单", "Filter the task lists by agency, flag (or a group) or deadline year") \
	X(CLEAR_FILTER, "clear-filter", UI_SCOPE_PANES | UI_SCOPE_LIST, "c", "", "", \
	  "清除筛选", "Clear the filter") \
	X(SORT, "sort", UI_SCOPE_PANES | UI_SCOPE_LIST, "s", "排序", "sort", \
	  "换一种排序：序号、截止日期、与序时的差距、进度、牵头单位、最近填报", \
	  "Next sort order: number, deadline, gap to 序时, progress, lead agency, last report") \
	X(AREA_ALL, "area-all", UI_SCOPE_PANES, "0", "", "", \
	  "全部任务（各领域合在一起，筛选和排序同样适用）", "Every task of the plan in one list") \
	X(AREA_1, "area-1", UI_SCOPE_PANES, "1", "领域", "area", \
	  "第一个领域（创新能力）", "Area 1 (innovation)") \
	X(AREA_2, "area-2", UI_SCOPE_PANES, "2", "", "", \
	  "第二个领域（创新创业）", "Area 2 (entrepreneurship)") \
	X(AREA_3, "area-3", UI_SCOPE_PANES, "3", "", "", \
	  "第三个领域（基地建设）", "Area 3 (bases)") \
	X(AREA_4, "area-4", UI_SCOPE_PANES, "4", "", "", \
	  "第四个领域（人才改革）", "Area 4 (talent)") \
	X(AREA_5, "area-5", UI_SCOPE_PANES, "5", "", "", \
	  "第五个领域（投融资）", "Area 5 (finance)") \
	X(NEXT_PANE, "next-pane", UI_SCOPE_PANES, "Tab Right", "切换", "pane", \
	  "下一个领域", "Next area") \
	X(PREV_PANE, "prev-pane", UI_SCOPE_PANES, "S-Tab Left", "", "", \
	  "上一个领域", "Previous area") \
	X(UP, "up", UI_SCOPE_LIST | UI_SCOPE_EDIT, "Up k", "", "", \
	  "上移一行（表单中：上一项）", "Up one line (in a form: previous field)") \
	X(DOWN, "down", UI_SCOPE_LIST | UI_SCOPE_EDIT, "Down j", "下一条", "next", \
	  "下移一行（表单中：下一项）", "Down one line (in a form: next field)") \
	X(PAGE_UP, "page-up", UI_SCOPE_LIST | UI_SCOPE_EDIT, "PgUp", "", "", \
	  "上翻一页", "Page up") \
	X(PAGE_DOWN, "page-down", UI_SCOPE_LIST | UI_SCOPE_EDIT, "PgDn Space", "翻页", "page", \
	  "下翻一页", "Page down") \
	X(FIRST, "first", UI_SCOPE_LIST, "Home g", "", "", \
	  "到第一行", "To the first line") \
	X(LAST, "last", UI_SCOPE_LIST, "End G", "", "", \
	  "到最后一行", "To the last line") \
	X(OPEN, "open", UI_SCOPE_LIST | UI_SCOPE_EDIT, "Enter", "打开", "open", \
	  "打开所选（表单中：下一项；多行说明中：换行）", \
	  "Open the selection (in a form: next field; in a note: new line)") \
	X(PLANS, "plans", UI_SCOPE_GLOBAL, "P", "方案", "plans", \
	  "切换工作方案（数据库中有多个方案时）", "Switch to another plan (when the database holds several)") \
	X(TREND, "trend", UI_SCOPE_LIST, "t", "趋势", "trend", \
	  "单位一览中：所选单位各季度末的预警数（红、黄、蓝、绿）", "In the agencies view: the agency's flag counts at each quarter's end") \
	X(PRINT, "print", UI_SCOPE_LIST, "p", "打印", "print", \
	  "打印所选单位的督办单或任务清单（PDF，写入报告文件夹）", \
	  "Print the selected agency's notice or the task list: a PDF in the report folder, then the printer") \
	X(REPORT, "report", UI_SCOPE_TASK, "u", "填报", "report", \
	  "录入所选任务的季度填报", "Enter the quarterly report of the task") \
	X(NOTE, "note", UI_SCOPE_TASK, "n", "备注", "note", \
	  "添加进展情况或督查意见", "Add a progress note or an inspector's comment") \
	X(EDIT_NOTE, "edit-note", UI_SCOPE_TASK, "e", "改记录", "edit note", \
	  "修改或撤回自己写的记录（原文留在留痕中）", \
	  "Change or withdraw a note you wrote; the trail keeps the old text") \
	X(REVIEW, "review", UI_SCOPE_TASK, "v", "审核", "review", \
	  "审核最新一份待审核的填报：通过或退回（督查人员）", "Pass or return the report waiting for review (inspectors)") \
	X(ACCEPT, "accept", UI_SCOPE_TASK, "x", "销号", "accept", \
	  "销号一项已报完成的任务，或撤销销号（督查人员）", "Accept a task reported completed, or undo it (inspectors)") \
	X(REOPEN, "reopen", UI_SCOPE_TASK, "o", "重开", "reopen", \
	  "重新打开已锁定的填报，允许单位再报送一次（督查人员）", "Reopen a locked report for one more submission (inspectors)") \
	X(INDICATOR, "indicator", UI_SCOPE_TASK, "i", "指标", "define", \
	  "修改所选任务的量化指标定义：名称、目标、基数、计算方式（管理员）", \
	  "Edit the task's indicator definitions: name, target, baseline, mode (administrators)") \
	X(EDIT_TASK, "edit-task", UI_SCOPE_TASK, "E", "改任务", "edit", \
	  "修改任务内容、完成时限、单位和所属措施（管理员）", \
	  "Edit the task's text, deadline, agencies and measure (administrators)") \
	X(EDIT_AREA, "edit-area", UI_SCOPE_TASK, "A", "", "", \
	  "修改所在领域的标题、简称和措施的标题（管理员）", \
	  "Edit the title and label of the task's area, and its measure's title (administrators)") \
	X(SAVE, "save", UI_SCOPE_EDIT, "F2 ^S", "保存", "save", \
	  "检查并保存（出错时输入全部保留）", "Check and save (input is kept if it fails)") \
	X(CANCEL, "cancel", UI_SCOPE_EDIT, "Esc", "返回", "back", \
	  "离开表单；已输入的内容留作草稿", "Leave the form; what was typed stays as a draft") \
	X(NEXT_FIELD, "next-field", UI_SCOPE_EDIT, "Tab", "下一项", "next", \
	  "下一项", "Next field") \
	X(PREV_FIELD, "prev-field", UI_SCOPE_EDIT, "S-Tab", "", "", \
	  "上一项", "Previous field") \
	X(LEFT, "left", UI_SCOPE_EDIT, "Left", "选择", "choose", \
	  "左移一个字（选择项：上一个值）", "Left one character (choice: previous value)") \
	X(RIGHT, "right", UI_SCOPE_EDIT, "Right", "", "", \
	  "右移一个字（选择项：下一个值）", "Right one character (choice: next value)") \
	X(LINE_START, "line-start", UI_SCOPE_EDIT, "Home ^A", "", "", \
	  "到行首", "To the start of the line") \
	X(LINE_END, "line-end", UI_SCOPE_EDIT, "End ^E", "", "", \
	  "到行尾", "To the end of the line") \
	X(DELETE_BACK, "delete-back", UI_SCOPE_EDIT, "Backspace", "", "", \
	  "删除光标前的字", "Delete the character before the cursor") \
	X(DELETE, "delete", UI_SCOPE_EDIT, "Delete ^D", "", "", \
	  "删除光标处的字", "Delete the character at the cursor") \
	X(KILL_END, "kill-end", UI_SCOPE_EDIT, "^K", "", "", \
	  "删除到行尾", "Delete to the end of the line") \
	X(KILL_START, "kill-start", UI_SCOPE_EDIT, "^U", "", "", \
	  "删除到行首", "Delete to the start of the line")

typedef enum ui_action {
#define UI_ACTION_ENUM(id, name, scope, keys, hz, he, lz, le) UI_ACT_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	UI_ACTION_COUNT,
	UI_ACT_NONE = -1
} ui_action;

typedef struct ui_action_info {
	const char *name;
	unsigned scope;
	const char *default_keys;     /* space-separated key names */
	const char *hint[2];          /* [0] Chinese, [1] English; "" when not hinted */
	const char *help[2];
} ui_action_info;

const ui_action_info *ui_action_get(ui_action a);
/* The action named in [keys], or UI_ACT_NONE. */
ui_action ui_action_find(const char *name);
#endif
