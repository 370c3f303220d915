#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ducha/app_write.h"
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
	char err[1024];
	bool rebuilt;
	app_result r = app_create(&c->app, force, &rebuilt, err, sizeof err);
	if (r != APP_OK)
		return cli_error(rebuilt ? "重建失败，数据库未改动: %s" : "%s", err);
	if (rebuilt)
		printf("已在原处重建数据库 %s，载入《%s》（%s）；原有数据的留痕仍在（ducha log 可见 reinit）\n",
		       c->app.db_path, c->app.plan.title, c->app.plan.code);
	else
		printf("已创建数据库 %s，载入《%s》（%s）\n", c->app.db_path, c->app.plan.title, c->app.plan.code);
	return demo ? load_demo(c, !rebuilt) : 0;
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
