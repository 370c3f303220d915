/* The print command, run without a shell, and the report folder. */
#include "ducha/print.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int print_split(const char *command, char *buf, size_t buflen, char **argv)
{
	int n = 0;
	snprintf(buf, buflen, "%s", command ? command : "");
	for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w && n < PRINT_MAX_ARGS;
	     w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	return n;
}

/* In the child: stdin from /dev/null, output where the caller wants it. */
static void child_files(bool quiet)
{
	/* The print command gets none of a setgid binary's group. */
	if (getegid() != getgid() && setregid(getgid(), getgid()) != 0)
		_exit(126);
	int null = open("/dev/null", O_RDWR);
	if (null < 0)
		_exit(127);
	dup2(null, STDIN_FILENO);
	if (quiet) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	} else {
		dup2(STDERR_FILENO, STDOUT_FILENO);
	}
	if (null > STDERR_FILENO)
		close(null);
}

static bool wait_child(pid_t pid, const char *program, char *err, size_t errlen)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errlen, "打印命令 %s: %s", program, strerror(errno));
			return false;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return true;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(err, errlen, "无法运行打印命令 %s（找不到该程序？见配置 [print] command）", program);
	else if (WIFEXITED(status))
		snprintf(err, errlen, "打印命令 %s 失败（退出码 %d）", program, WEXITSTATUS(status));
	else
		snprintf(err, errlen, "打印命令 %s 被信号 %d 终止", program, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return false;
}

bool print_run(const char *command, const char *path, bool quiet, char *err, size_t errlen)
{
	char buf[1024];
	char *argv[PRINT_MAX_ARGS + 2];
	int n = print_split(command, buf, sizeof buf, argv);
	if (n == 0) {
		snprintf(err, errlen, "没有配置打印命令（配置文件 [print] command，如 lp -d office）");
		return false;
	}
	argv[n++] = (char *)path;
	argv[n] = NULL;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "无法启动打印命令 %s: %s", argv[0], strerror(errno));
		return false;
	}
	if (pid == 0) {
		child_files(quiet);
		execvp(argv[0], argv);
		_exit(127);
	}
	return wait_child(pid, argv[0], err, errlen);
}

static bool make_dir(const char *dir, char *err, size_t errlen)
{
	struct stat st;
	if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return true;
	snprintf(err, errlen, "无法创建报告文件夹 %s: %s", dir, errno == EEXIST ? "已有同名文件" : strerror(errno));
	return false;
}

bool print_folder_ensure(const char *dir, char *err, size_t errlen)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path || !path[0]) {
		snprintf(err, errlen, "报告文件夹路径无效");
		return false;
	}
	/* Each missing parent first, as mkdir -p; the umask decides the modes. */
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		bool ok = make_dir(path, err, errlen);
		*p = '/';
		if (!ok)
			return false;
	}
	return make_dir(path, err, errlen);
}
