/* ducha: options, then a table of commands. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/identity.h"
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
	  "  --force   覆盖已有数据的数据库\n"
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
	{ "log", cli_log, "查看留痕记录",
	  "ducha log [TASK] [--format text|csv|json]\n" },
	{ "check", cli_check, "检查数据库完整性、外键和留痕链",
	  "ducha check\n" },
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

static void print_help(FILE *out)
{
	fputs("ducha " DUCHA_VERSION " — 督查：工作方案任务跟踪、季度填报、滞后预警与通报\n\n"
	      "用法: ducha [--db PATH] [--conf PATH] [--as-of YYYY-MM-DD] [--plan CODE] [COMMAND ...]\n\n"
	      "不带命令且在终端上运行时，打开全屏界面。\n\n命令:\n", out);
	for (size_t i = 0; i < ncommands; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
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

static bool load_config(cli *c, const char *conf_opt)
{
	char err[1024];
	const char *path = conf_opt ? conf_opt : getenv("DUCHA_CONF");
	config_defaults(&c->cfg);
	if (!path || !*path) {
		const char *sys = DUCHA_SYSCONFDIR "/ducha/ducha.ini";
		if (access(sys, R_OK) != 0)
			return true;
		path = sys;
	}
	if (!config_load(&c->cfg, path, err, sizeof err)) {
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
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': db_opt = optarg; break;
		case 'c': conf_opt = optarg; break;
		case 'a': as_of_opt = optarg; break;
		case 'p': c.plan_code = optarg; break;
		case 'u': c.user_opt = optarg; break;
		case 'h': print_help(stdout); return 0;
		case 'V': printf("ducha %s\n", DUCHA_VERSION); return 0;
		default:
			fprintf(stderr, "ducha: 无法识别的选项 %s（用 ducha --help 查看用法）\n", argv[optind - 1]);
			return 2;
		}
	}
	/* A setgid install grants the group's database to everyone who runs it:
	 * then only the installed config and the database it names may be used. */
	if (getegid() != getgid() &&
	    (conf_opt || db_opt || getenv("DUCHA_CONF") || getenv("DUCHA_DB") || c.user_opt)) {
		fprintf(stderr, "ducha: 以 setgid 方式安装时不接受 --conf、--db、--user、DUCHA_CONF 或 DUCHA_DB\n");
		return 2;
	}
	if (!load_config(&c, conf_opt))
		return 1;
	const char *env_db = getenv("DUCHA_DB");
	c.db_path = db_opt ? db_opt : env_db && *env_db ? env_db : c.cfg.db_path;
	if (!c.plan_code && c.cfg.plan[0])
		c.plan_code = c.cfg.plan;
	c.as_of = c.cfg.as_of ? c.cfg.as_of : date_today();
	if (as_of_opt && !date_parse(as_of_opt, &c.as_of)) {
		fprintf(stderr, "ducha: --as-of \"%s\" 不是 YYYY-MM-DD 格式的有效日期\n", as_of_opt);
		return 2;
	}
	char err[512];
	if (!identity_resolve(&c.cfg, c.user_opt, &c.who, err, sizeof err))
		return cli_error("%s", err);
	c.restricted = c.cfg.restricted || c.user_opt != NULL;
	if (optind >= argc) {
		/* No command: the full-screen program arrives with issue 4; until then the task list. */
		char *args[] = { (char *)"tasks", NULL };
		c.command = "tasks";
		c.usage = find_command("tasks")->usage;
		return cli_tasks(&c, 1, args);
	}
	const command *cmd = find_command(argv[optind]);
	if (!cmd) {
		fprintf(stderr, "ducha: 未知命令 \"%s\"（用 ducha --help 查看命令列表）\n", argv[optind]);
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
