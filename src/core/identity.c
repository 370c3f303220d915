#include "ducha/identity.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The account the operating system says is running us. */
static bool os_user(char *name, size_t len, char *err, size_t errlen)
{
	struct passwd *pw = getpwuid(getuid());
	if (!pw) {
		snprintf(err, errlen, "无法确定当前用户（uid %u 没有 passwd 记录）", (unsigned)getuid());
		return false;
	}
	snprintf(name, len, "%s", pw->pw_name);
	return true;
}

/* Service-account mode: the forced command in authorized_keys names the person. */
static bool claimed_user(const config *c, const char *real, const char *user_opt, char *name,
                         size_t len, char *err, size_t errlen)
{
	bool service = c->service_account[0] && strcmp(real, c->service_account) == 0;
	if (user_opt && !service) {
		snprintf(err, errlen, "只有服务账号（[access] service_account）的强制命令才能使用 --user；"
		                      "%s 不能以他人身份运行", real);
		return false;
	}
	if (service && !user_opt) {
		snprintf(err, errlen, "服务账号 %s 需要在强制命令中用 --user 指明使用者，请联系管理员", real);
		return false;
	}
	snprintf(name, len, "%s", service ? user_opt : real);
	return true;
}

/* Why a copy may not be a single-user desk, or NULL when it may. */
static const char *shared_reason(const config *c, unsigned shared)
{
	if (shared & IDENTITY_SETGID)
		return "以 setgid 方式安装";
	if (c->service_account[0])
		return "配置了服务账号（[access] service_account）";
	if (shared & IDENTITY_INSTALLED_CONFIG)
		return "使用已安装的配置文件";
	return NULL;
}

bool identity_resolve(const config *c, const char *user_opt, unsigned shared, actor *out,
                      char *err, size_t errlen)
{
	char real[65];
	memset(out, 0, sizeof *out);
	const char *why = shared_reason(c, shared);
	if (c->nusers == 0 && why) {
		/* Fail closed: a shared copy with nobody named is nobody's. */
		snprintf(err, errlen, "拒绝运行：%s，但配置文件 %s 的 [users] 中没有任何用户；"
		                      "请管理员在其中写明每个使用者及其角色",
		         why, c->path[0] ? c->path : "（未找到配置文件）");
		return false;
	}
	if (!os_user(real, sizeof real, err, errlen) ||
	    !claimed_user(c, real, user_opt, out->user, sizeof out->user, err, errlen))
		return false;
	if (c->nusers == 0) {
		/* No [users] in a personal copy: whoever runs it is admin. */
		out->role = ROLE_ADMIN;
		return true;
	}
	const config_user *u = config_find_user(c, out->user);
	if (!u) {
		snprintf(err, errlen, "用户 %s 未获授权使用 ducha，请联系管理员在配置文件 %s 的 [users] 中添加",
		         out->user, c->path[0] ? c->path : "ducha.ini");
		return false;
	}
	out->role = (role)u->role;
	snprintf(out->agency, sizeof out->agency, "%s", u->agency);
	return true;
}
