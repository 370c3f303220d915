#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ducha/cli.h"

static bool remove_database(const char *path)
{
	const char *suffixes[] = { "", "-wal", "-shm", "-journal", STORE_ANCHOR_SUFFIX };
	char name[4200];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		if (unlink(name) != 0 && access(name, F_OK) == 0) {
			cli_error("无法删除 %s", name);
			return false;
		}
	}
	return true;
}

/* The sample reports; on failure a database made here goes, so nothing
 * half-made stays. One re-created in place stays: others may have it open. */
static int load_demo(cli *c, bool created)
{
	int reports, notes;
	if (!cli_demo_load(c, &reports, &notes)) {
		if (!created)
			return cli_error("示例数据载入失败（数据库已重建，只是没有示例数据）: %s", store_error(c->app.st));
		cli_error("示例数据载入失败，已删除新建的数据库: %s", store_error(c->app.st));
		cli_close(c);
		remove_database(c->app.db_path);
		return 1;
	}
	printf("已载入示例数据（【示例数据】）：%d 份季度填报（2016Q1–2017Q3），%d 条进展情况和督查意见；"
	       "按 2017-12-10 查看（conf/demo.ini）\n", reports, notes);
	return 0;
}

static int run_init(cli *c, const cli_args *a)
{
	bool force = cli_given(c, a, "force"), demo = cli_given(c, a, "demo");
	/* Before anything is opened (opening creates the file). */
	if (c->app.who.role != ROLE_ADMIN)
		return cli_error("%s（%s）无权初始化数据库：只有管理员（admin）可以；数据库未改动", c->app.who.user,
		                 model_role_name(c->app.who.role));
	char err[1024];
	c->app.st = store_open(c->app.db_path, STORE_CREATE, c->app.cfg.busy_timeout_ms, err, sizeof err);
	if (!c->app.st)
		return cli_error("%s", err);
	bool has = false;
	if (!store_has_data(c->app.st, &has))
		return cli_error("%s", store_error(c->app.st));
	if (has && !force)
		return cli_error("数据库 %s 已有数据，未做任何改动（确需重建请加 --force）", c->app.db_path);
	if (has) {
		if (!store_reinit_builtin(c->app.st, &c->app.who))
			return cli_error("重建失败，数据库未改动: %s", store_error(c->app.st));
		if (!store_plan(c->app.st, NULL, &c->app.plan))
			return cli_error("%s", store_error(c->app.st));
		printf("已在原处重建数据库 %s，载入《%s》（%s）；原有数据的留痕仍在（ducha log 可见 reinit）\n",
		       c->app.db_path, c->app.plan.title, c->app.plan.code);
		return demo ? load_demo(c, false) : 0;
	}
	if (!store_init_builtin(c->app.st, &c->app.who))
		return cli_error("初始化失败: %s", store_error(c->app.st));
	/* Group-writable, so colleagues in the ducha group can save; never world. */
	if (chmod(c->app.db_path, 0660) != 0)
		return cli_error("无法设置 %s 的权限: %s", c->app.db_path, strerror(errno));
	if (!store_plan(c->app.st, NULL, &c->app.plan))
		return cli_error("%s", store_error(c->app.st));
	printf("已创建数据库 %s，载入《%s》（%s）\n", c->app.db_path, c->app.plan.title, c->app.plan.code);
	return demo ? load_demo(c, true) : 0;
}

static const cli_option init_options[] = {
	{ "force", 0, NULL, "在原处重建已有数据的数据库（一个事务；留痕保留并记下 reinit）", 0, NULL },
	{ "demo", 0, NULL, "另加示例季度填报（示例数据），用于演示和培训", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_init = {
	.name = "init", .run = run_init, .summary = "创建数据库并载入内置工作方案",
	.options = init_options, .notes = "  只有管理员可以初始化\n",
};
