/* ducha: options, then a table of commands. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/cli.h"
#include "ducha/cli_charset.h"
#include "ducha/date.h"
#include "ducha/identity.h"
#include "ducha/text.h"
#include "ducha/ui.h"
#include "paths.h"

static const cli_command *const commands[] = {
	&cli_cmd_init, &cli_cmd_tasks, &cli_cmd_show, &cli_cmd_agencies, &cli_cmd_update, &cli_cmd_note,
	&cli_cmd_accept, &cli_cmd_review, &cli_cmd_reopen, &cli_cmd_indicator, &cli_cmd_lagging, &cli_cmd_report, &cli_cmd_remind, &cli_cmd_log, &cli_cmd_check,
	&cli_cmd_import_plan, &cli_cmd_edit, &cli_cmd_import_reports, &cli_cmd_export, &cli_cmd_backup, &cli_cmd_restore,
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

/* The options before the command. */
static const cli_option global_options[] = {
	{ "db", 0, "PATH", "数据库文件（也可用环境变量 DUCHA_DB）", 0, NULL },
	{ "conf", 0, "PATH", "配置文件（也可用环境变量 DUCHA_CONF）", 0, NULL },
	{ "as-of", 0, "YYYY-MM-DD", "按该日期计算序时进度和预警（默认今天）", 0, NULL },
	{ "plan", 0, "CODE", "工作方案编号（默认第一个）", 0, NULL },
	/* Named by a forced SSH command of the service account (README). */
	{ "user", 0, "NAME", NULL, CLI_HIDDEN, NULL },
	{ "help", 'h', NULL, "显示本帮助；ducha COMMAND --help 显示命令帮助", CLI_NOT_IN_SYNOPSIS, NULL },
	{ "version", 0, NULL, "显示版本", CLI_NOT_IN_SYNOPSIS, NULL },
	{ 0 },
};

static const cli_command global_spec = {
	.name = "", .operands = "[COMMAND ...]", .operands_last = true, .options = global_options,
};

static void print_help(FILE *out)
{
	fputs("ducha " DUCHA_VERSION " — 督查：工作方案任务跟踪、季度填报、滞后预警与通报\n\n", out);
	cli_print_usage(&global_spec, out);
	fputs("\n不带命令且在终端上运行时，打开全屏界面。\n\n命令:\n", out);
	for (size_t i = 0; i < ncommands; i++)
		fprintf(out, "  %-15s %s\n", commands[i]->name, commands[i]->summary);
}

static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* The locale the environment asks for (LC_ALL, LC_CTYPE, LANG: the first set). */
static const char *wanted_locale(void)
{
	static const char *const names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return "";
}

static bool names_gb_charset(const char *s)
{
	return strcasestr(s, "gb18030") || strcasestr(s, "gbk") || strcasestr(s, "gb2312");
}

/* Locale: the user's if it is UTF-8, or GB18030/GBK (a common Xshell
 * default on Chinese Windows: curses converts the screen and the keys, the
 * text stays UTF-8 inside); otherwise C.UTF-8 so that Chinese works. A GB
 * locale asked for but not installed is said, in ASCII, since such a
 * terminal cannot show the UTF-8 that follows. */
static void setup_locale(void)
{
	const char *loc = setlocale(LC_ALL, "");
	const char *codeset = loc ? nl_langinfo(CODESET) : "";
	if (loc && (strcmp(codeset, "UTF-8") == 0 || names_gb_charset(codeset)))
		return;
	const char *wanted = wanted_locale();
	if (!loc && names_gb_charset(wanted)) {
		char *shown = text_escape(wanted, 0);
		fprintf(stderr, "ducha: warning: locale %s is not installed, so Chinese is sent as UTF-8 and a GBK "
		        "terminal shows garbage: set the terminal to UTF-8, or install the locale "
		        "(localedef -i zh_CN -f GB18030 zh_CN.GB18030)\n", shown);
		free(shown);
	}
	setlocale(LC_CTYPE, "C.UTF-8");
}

/* No command after the global options, on a terminal: curses converts the
 * screen for a GB18030 terminal itself. */
static bool will_run_full_screen(int argc, char **argv)
{
	cli_args a;
	char err[512];
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	       cli_parse_options(&global_spec, argc, argv, true, &a, err, sizeof err) && a.next >= argc &&
	       !a.value[cli_option_index(&global_spec, "help")] && !a.value[cli_option_index(&global_spec, "version")];
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

/* The global options; 0 to go on, else the exit status. */
static int parse_global(cli *c, int argc, char **argv, const char **conf_opt, const char **db_opt,
                        const char **as_of_opt, int *next)
{
	cli_args a;
	char err[512];
	if (!cli_parse_options(&global_spec, argc, argv, true, &a, err, sizeof err)) {
		cli_error("%s（用 ducha --help 查看用法）", err);
		return 2;
	}
	if (a.value[cli_option_index(&global_spec, "help")]) {
		print_help(stdout);
		return -1;
	}
	if (a.value[cli_option_index(&global_spec, "version")]) {
		printf("ducha %s\n", DUCHA_VERSION);
		return -1;
	}
	*db_opt = a.value[cli_option_index(&global_spec, "db")];
	*conf_opt = a.value[cli_option_index(&global_spec, "conf")];
	*as_of_opt = a.value[cli_option_index(&global_spec, "as-of")];
	c->app.plan_code = a.value[cli_option_index(&global_spec, "plan")];
	c->app.user_opt = a.value[cli_option_index(&global_spec, "user")];
	*next = a.next;
	return 0;
}

/* A command's own arguments, then the command. */
static int run_command(cli *c, const cli_command *cmd, int argc, char **argv)
{
	cli_args a;
	c->command = cmd->name;
	c->spec = cmd;
	if (cli_wants_help(c, argc, argv))
		return 0;
	int rc = cli_parse_command(c, argc, argv, &a);
	if (rc == 0)
		rc = cmd->run(c, &a);
	cli_close(c);
	return rc;
}

int main(int argc, char **argv)
{
	cli c = { 0 };
	const char *conf_opt = NULL, *db_opt = NULL, *as_of_opt = NULL;
	int optind_after = 1;
	setup_locale();
	cli_charset_args(argc, argv);
	if (!will_run_full_screen(argc, argv))
		cli_charset_output();
	/* Files we create (database, -wal, -shm, reports) are for the group only. */
	umask(007);
	/* Past a file-size limit, a write should fail and be rolled back, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	int grc = parse_global(&c, argc, argv, &conf_opt, &db_opt, &as_of_opt, &optind_after);
	if (grc)
		return grc < 0 ? 0 : grc;
	/* A setgid install grants the group's database to everyone who runs it:
	 * then only the installed config and the database it names may be used. */
	bool setgid = getegid() != getgid(), installed = false;
	if (setgid && (conf_opt || db_opt || getenv("DUCHA_CONF") || getenv("DUCHA_DB") || c.app.user_opt)) {
		fprintf(stderr, "ducha: 以 setgid 方式安装时不接受 --conf、--db、--user、DUCHA_CONF 或 DUCHA_DB\n");
		return 2;
	}
	if (!load_config(&c, conf_opt, setgid, &installed))
		return 1;
	c.app.lang = app_language(&c.app.cfg);
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
	if (optind_after >= argc) {
		/* No command: the full-screen program on a terminal; the task list
		 * when input or output is a pipe or a file. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			c.command = "ui";
			int rc = cli_open_mode(&c, APP_OPEN_PREFER_WRITE) ? ui_run(&c.app) : 1;
			cli_close(&c);
			return rc;
		}
		char *args[] = { (char *)"tasks", NULL };
		return run_command(&c, &cli_cmd_tasks, 1, args);
	}
	const cli_command *cmd = find_command(argv[optind_after]);
	if (!cmd) {
		cli_error("未知命令 \"%s\"（用 ducha --help 查看命令列表）", argv[optind_after]);
		return 2;
	}
	return run_command(&c, cmd, argc - optind_after, argv + optind_after);
}
