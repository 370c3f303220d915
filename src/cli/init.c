#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ducha/cli.h"

static bool remove_database(const char *path)
{
	const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
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

/* The sample reports; on failure the new database goes, so nothing half-made stays. */
static int load_demo(cli *c)
{
	int reports, notes;
	if (!cli_demo_load(c, &reports, &notes)) {
		cli_error("示例数据载入失败，已删除新建的数据库: %s", store_error(c->st));
		cli_close(c);
		remove_database(c->db_path);
		return 1;
	}
	printf("已载入示例数据（【示例数据】）：%d 份季度填报（2016Q1–2017Q3），%d 条进展情况和督查意见；"
	       "按 2017-12-10 查看（conf/demo.ini）\n", reports, notes);
	return 0;
}

int cli_init(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, 0, 'f' }, { "demo", no_argument, 0, 'd' }, { 0, 0, 0, 0 },
	};
	bool force = false, demo = false;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt == 'f')
			force = true;
		else if (opt == 'd')
			demo = true;
		else
			return cli_usage_error(c, "无法识别的选项 %s", argv[optind - 1]);
	}
	if (optind < argc)
		return cli_usage_error(c, "多余的参数 \"%s\"", argv[optind]);
	char err[1024];
	c->st = store_open(c->db_path, STORE_CREATE, c->cfg.busy_timeout_ms, err, sizeof err);
	if (!c->st)
		return cli_error("%s", err);
	bool has = false;
	if (!store_has_data(c->st, &has))
		return cli_error("%s", store_error(c->st));
	if (has && !force)
		return cli_error("数据库 %s 已有数据，未做任何改动（确需重建请加 --force）", c->db_path);
	if (has) {
		store_close(c->st);
		c->st = NULL;
		if (!remove_database(c->db_path))
			return 1;
		c->st = store_open(c->db_path, STORE_CREATE, c->cfg.busy_timeout_ms, err, sizeof err);
		if (!c->st)
			return cli_error("%s", err);
	}
	if (!store_init_builtin(c->st, &c->who))
		return cli_error("初始化失败: %s", store_error(c->st));
	/* Group-writable, so colleagues in the ducha group can save; never world. */
	if (chmod(c->db_path, 0660) != 0)
		return cli_error("无法设置 %s 的权限: %s", c->db_path, strerror(errno));
	if (!store_plan(c->st, NULL, &c->plan))
		return cli_error("%s", store_error(c->st));
	printf("已创建数据库 %s，载入《%s》（%s）\n", c->db_path, c->plan.title, c->plan.code);
	return demo ? load_demo(c) : 0;
}
