/* ducha: options, then a table of commands. */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/identity.h"
#include "ducha/text.h"
#include "ducha/ui.h"
#include "paths.h"

typedef struct command {
	const char *name;
	int (*run)(cli *c, int argc, char **argv);
	const char *summary;
	const char *usage;
} command;

static const command commands[] = {
	{ "init", cli_init, "创建数据库并载入内置工作方案",
	  "ducha init [--force] [--demo]\n"
	  "  只有管理员可以初始化\n"
	  "  --force   在原处重建已有数据的数据库（一个事务；留痕保留并记下 reinit）\n"
	  "  --demo    另加示例季度填报（示例数据），用于演示和培训\n" },
	{ "tasks", cli_tasks, "列出重点任务",
	  "ducha tasks [--area N] [--agency NAME] [--flag F] [--format text|csv|json]\n"
	  "  --area N        只列第 N 个领域（1–5）的任务\n"
	  "  --agency NAME   只列该单位牵头或配合的任务\n"
	  "  --flag F        只列该预警状态的任务（done ok due-soon behind lagging overdue unreported）\n" },
	{ "show", cli_show, "显示一项任务的全部内容",
	  "ducha show TASK [--format text|json]\n" },
	{ "agencies", cli_agencies, "列出单位及其牵头、配合任务数",
	  "ducha agencies [--format text|csv|json]\n" },
	{ "update", cli_update, "录入一项任务的季度填报",
	  "ducha update TASK --period YYYYQn [--set INDICATOR=VALUE]... [--status S] [--note TEXT]\n"
	  "             [--if-version N]\n"
	  "  --period YYYYQn        填报季度，如 2016Q4\n"
	  "  --set INDICATOR=VALUE  指标实际值，如 --set 科技型企业=2100（可重复）\n"
	  "  --status S             not-started | in-progress | completed（未开始/进行中/已完成）\n"
	  "  --note TEXT            进展说明\n"
	  "  --if-version N         只在该季度填报仍是版本 N 时保存（0：尚无填报），否则报告冲突\n" },
	{ "note", cli_note, "添加进展情况或督查意见",
	  "ducha note TASK TEXT [--comment]\n"
	  "  --comment   作为督查意见（默认为进展情况）\n" },
	{ "accept", cli_accept, "销号：确认一项已完成的任务（督查人员）",
	  "ducha accept TASK\n" },
	{ "lagging", cli_lagging, "列出滞后、临期、逾期和未报送的任务与指标（最严重的在前）",
	  "ducha lagging [--area N] [--agency NAME] [--format text|csv|json]\n"
	  "  --area N        只列第 N 个领域（1–5）的任务\n"
	  "  --agency NAME   只列该单位牵头或配合的任务\n"
	  "  按 --as-of 日期（默认今天）计算序时进度；每行给出原因和牵头单位\n" },
	{ "report", cli_report, "打印通报：一个单位或全部单位（含排名总览），文本、CSV、HTML 或 JSON",
	  "ducha report (--agency NAME | --all) [--format text|csv|html|json] [-o FILE] [--since YYYYQn]\n"
	  "             [--bom] [--print]\n"
	  "  --agency NAME     该单位的通报：总体情况、牵头任务、配合任务（预警及原因、指标、最新填报）\n"
	  "  --all             先是各单位排名总览（逾期、严重滞后、未报送、滞后、完成率），再是各单位通报\n"
	  "  --format F        text（按 [report] page_width、page_length 分页，可直接打印，默认）、csv、html（A4）、json\n"
	  "  -o FILE           写入文件（受限模式下只能写入报告文件夹）；不给时输出到标准输出\n"
	  "  --since YYYYQn    另列该季度末以来的变化：预警的变动和此后报送的数值\n"
	  "  --bom             CSV 前加 UTF-8 BOM，便于 Excel 打开\n"
	  "  --print           交给 [print] command 打印（不经 shell）；没有 -o 时先写入报告文件夹\n" },
	{ "remind", cli_remind, "催办：各单位未报送季度进展和临近完成时限的任务（可由 cron 发邮件）",
	  "ducha remind [--agency NAME]\n"
	  "  --agency NAME   只列该单位\n"
	  "  列出上一个已过报送期限的季度未报送进展的任务，以及完成时限在 [flags] due_soon_days 天内的任务，\n"
	  "  各附应报送或应完成的日期；没有需要催办的任务时什么也不输出（cron 就不会发空邮件）\n" },
	{ "log", cli_log, "查看留痕记录",
	  "ducha log [TASK] [--format text|csv|json]\n" },
	{ "check", cli_check, "检查数据库结构、数据与留痕是否相符、留痕链及其锚点",
	  "ducha check\n"
	  "  结构与本程序发布的一致；每份填报、记录、任务状态和工作方案定义与留痕相符；\n"
	  "  留痕链完整，且不短于数据库旁锚点文件（DB.anchor）记下的行数；指出第一个不符的对象\n" },
	{ "import-plan", cli_import_plan, "从分工表（CSV）导入一个新的工作方案（管理员）",
	  "ducha import-plan FILE.csv --code CODE --title TITLE [--issuer NAME] [--starts YYYY-MM-DD]\n"
	  "                  [--dry-run] [--no-indicators]\n"
	  "  列按表头名称匹配（顺序不限）：序号、重点任务、完成时限、牵头单位、配合单位，可选 领域、措施\n"
	  "  编码：UTF-8（可带 BOM）或 GB18030/GBK；单位名称按 、，,; 和换行拆分，去掉名称中的空格\n"
	  "  没有 领域 列：建一个领域“全部任务”；没有 措施 列：每个领域建一项与它同名的措施；\n"
	  "  领域、措施 单元格为空时沿用上一行（合并单元格），措施不跨领域沿用\n"
	  "  --starts DATE     序时进度的起点（默认：最早截止日期所在年份的 1 月 1 日）\n"
	  "  --dry-run         只检查并列出将要创建的内容（含建议的量化指标和未能识别的数字），不写入\n"
	  "  --no-indicators   不根据任务文字建议量化指标\n" },
	{ "import-reports", cli_import_reports, "从 CSV 批量导入季度填报（全部成功或全部不导入）",
	  "ducha import-reports [--dry-run] FILE.csv\n"
	  "  --dry-run   只列出将要保存的各份填报、哪些会替换已有的填报，不写入\n"
	  "  列按表头名称匹配：task、period，以及 indicator 与 value、status、note（也可用 任务、季度、指标、数值、状态、说明）\n"
	  "  同一任务同一季度的各行合成一份填报；权限和留痕与 ducha update 相同\n" },
	{ "export", cli_export, "导出整个工作方案：分工表（CSV，可再导入）或全部数据（JSON）",
	  "ducha export [--format csv|json] [-o FILE]\n"
	  "  --format csv    分工表：序号,领域,措施,重点任务,完成时限,牵头单位,配合单位（默认）\n"
	  "  --format json   方案、领域、措施、单位、任务、指标、填报和记录\n"
	  "  -o FILE         写入文件（受限模式下只能写入报告文件夹）\n" },
	{ "backup", cli_backup, "在线备份数据库（他人正在保存时也可进行）",
	  "ducha backup FILE [--force]\n"
	  "  同时写出 FILE.anchor（留痕锚点）；FILE 不能是数据库本身或其附属文件\n"
	  "  --force   覆盖已有的 FILE（只有管理员可以，记入留痕）\n" },
	{ "restore", cli_restore, "从备份恢复数据库（管理员）",
	  "ducha restore FILE\n"
	  "  拒绝不是 ducha 数据库、结构版本更新或未通过完整性、外键和留痕链检查的文件\n" },
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

static void print_help(FILE *out)
{
	fputs("ducha " DUCHA_VERSION " — 督查：工作方案任务跟踪、季度填报、滞后预警与通报\n\n"
	      "用法: ducha [--db PATH] [--conf PATH] [--as-of YYYY-MM-DD] [--plan CODE] [COMMAND ...]\n\n"
	      "不带命令且在终端上运行时，打开全屏界面。\n\n命令:\n", out);
	for (size_t i = 0; i < ncommands; i++)
		fprintf(out, "  %-15s %s\n", commands[i].name, commands[i].summary);
	fputs("\n选项:\n"
	      "  --db PATH          数据库文件（也可用环境变量 DUCHA_DB）\n"
	      "  --conf PATH        配置文件（也可用环境变量 DUCHA_CONF）\n"
	      "  --as-of DATE       按该日期计算序时进度和预警（默认今天）\n"
	      "  --plan CODE        工作方案编号（默认第一个）\n"
	      "  -h, --help         显示本帮助；ducha COMMAND --help 显示命令帮助\n"
	      "  --version          显示版本\n", out);
}

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Locale: the user's if it is UTF-8, otherwise C.UTF-8 so that Chinese works. */
static void setup_locale(void)
{
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || (!strstr(loc, "UTF-8") && !strstr(loc, "utf8") && !strstr(loc, "UTF8")))
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* *installed: the system-wide config was read (a shared copy). A setgid
 * binary without it refuses to run: it would have nobody named. */
static bool load_config(cli *c, const char *conf_opt, bool setgid, bool *installed)
{
	char err[1024];
	const char *path = conf_opt ? conf_opt : getenv("DUCHA_CONF");
	config_defaults(&c->app.cfg);
	*installed = false;
	if (!path || !*path) {
		const char *sys = DUCHA_SYSCONFDIR "/ducha/ducha.ini";
		if (access(sys, R_OK) != 0) {
			if (!setgid)
				return true;
			cli_error("拒绝运行：以 setgid 方式安装，但无法读取配置文件 %s", sys);
			return false;
		}
		path = sys;
		*installed = true;
	}
	if (!config_load(&c->app.cfg, path, err, sizeof err)) {
		cli_error("%s", err);
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' },   { "conf", required_argument, 0, 'c' },
		{ "as-of", required_argument, 0, 'a' }, { "plan", required_argument, 0, 'p' },
		{ "user", required_argument, 0, 'u' }, { "help", no_argument, 0, 'h' },
		{ "version", no_argument, 0, 'V' },    { 0, 0, 0, 0 },
	};
	cli c = { 0 };
	const char *conf_opt = NULL, *db_opt = NULL, *as_of_opt = NULL;
	int opt;
	setup_locale();
	/* Files we create (database, -wal, -shm, reports) are for the group only. */
	umask(007);
	/* Past a file-size limit, a write should fail and be rolled back, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': db_opt = optarg; break;
		case 'c': conf_opt = optarg; break;
		case 'a': as_of_opt = optarg; break;
		case 'p': c.app.plan_code = optarg; break;
		case 'u': c.app.user_opt = optarg; break;
		case 'h': print_help(stdout); return 0;
		case 'V': printf("ducha %s\n", DUCHA_VERSION); return 0;
		default:
			cli_error("无法识别的选项 %s（用 ducha --help 查看用法）", argv[optind - 1]);
			return 2;
		}
	}
	/* A setgid install grants the group's database to everyone who runs it:
	 * then only the installed config and the database it names may be used. */
	bool setgid = getegid() != getgid(), installed = false;
	if (setgid && (conf_opt || db_opt || getenv("DUCHA_CONF") || getenv("DUCHA_DB") || c.app.user_opt)) {
		fprintf(stderr, "ducha: 以 setgid 方式安装时不接受 --conf、--db、--user、DUCHA_CONF 或 DUCHA_DB\n");
		return 2;
	}
	if (!load_config(&c, conf_opt, setgid, &installed))
		return 1;
	const char *env_db = getenv("DUCHA_DB");
	c.app.db_path = db_opt ? db_opt : env_db && *env_db ? env_db : c.app.cfg.db_path;
	if (!c.app.plan_code && c.app.cfg.plan[0])
		c.app.plan_code = c.app.cfg.plan;
	c.app.as_of = c.app.cfg.as_of ? c.app.cfg.as_of : date_today();
	if (as_of_opt && !date_parse(as_of_opt, &c.app.as_of)) {
		cli_error("--as-of \"%s\" 不是 YYYY-MM-DD 格式的有效日期", as_of_opt);
		return 2;
	}
	char err[PATH_MAX + 512];
	unsigned shared = (setgid ? IDENTITY_SETGID : 0) | (installed ? IDENTITY_INSTALLED_CONFIG : 0);
	if (!identity_resolve(&c.app.cfg, c.app.user_opt, shared, &c.app.who, err, sizeof err))
		return cli_error("%s", err);
	c.app.restricted = c.app.cfg.restricted || c.app.user_opt != NULL;
	if (optind >= argc) {
		/* No command: the full-screen program on a terminal; the task list
		 * when input or output is a pipe or a file. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			c.command = "ui";
			int rc = cli_open_mode(&c, APP_OPEN_PREFER_WRITE) ? ui_run(&c.app) : 1;
			cli_close(&c);
			return rc;
		}
		char *args[] = { (char *)"tasks", NULL };
		c.command = "tasks";
		c.usage = find_command("tasks")->usage;
		return cli_tasks(&c, 1, args);
	}
	const command *cmd = find_command(argv[optind]);
	if (!cmd) {
		cli_error("未知命令 \"%s\"（用 ducha --help 查看命令列表）", argv[optind]);
		return 2;
	}
	c.command = cmd->name;
	c.usage = cmd->usage;
	if (cli_wants_help(&c, argc - optind, argv + optind))
		return 0;
	int rc = cmd->run(&c, argc - optind, argv + optind);
	cli_close(&c);
	return rc;
}
