#include "ducha/identity.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool identity_resolve(const config *c, const char *user_opt, actor *out, char *err, size_t errlen)
{
	(void)c;
	memset(out, 0, sizeof *out);
	struct passwd *pw = getpwuid(getuid());
	if (!pw) {
		snprintf(err, errlen, "无法确定当前用户（uid %u 没有 passwd 记录）", (unsigned)getuid());
		return false;
	}
	if (user_opt) {
		snprintf(err, errlen, "--user 只能用在服务账号的强制命令中（配置文件中没有设置服务账号）");
		return false;
	}
	snprintf(out->user, sizeof out->user, "%s", pw->pw_name);
	/* No [users] in the config: a single-user desk, whoever runs it is admin. */
	out->role = ROLE_ADMIN;
	return true;
}
