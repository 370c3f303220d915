#ifndef DUCHA_CONFIG_H
#define DUCHA_CONFIG_H
/* conf/ducha.ini, read with iniparser. Every section and key is known;
 * anything else is an error naming the file, section and key. */
#include <stdbool.h>
#include <stddef.h>
#include <limits.h>

typedef struct config_flags {
	double behind;            /* below this share of expected: behind (0.90) */
	double lagging;           /* below this share of expected: lagging (0.70) */
	double approx_tolerance;  /* "≈" targets: met within this share (0.05) */
	int due_soon_days;        /* due within this many days: due-soon (30) */
	int report_grace_days;    /* a quarter's report is due this long after it ends (15) */
} config_flags;

enum { CONFIG_MAX_USERS = 256 };
enum { CSV_UTF8_BOM, CSV_UTF8, CSV_GB18030 };

/* [document]: what the 通报 and the 督办单 say of their issuer, and the fonts
 * the PDF is set in (the office's licensed 仿宋/小标宋 where installed). */
typedef struct config_document {
	char masthead[201];       /* 版头: "督查通报" */
	char number[201];         /* 发文字号 or 期号, "" for none */
	char issuer[201];         /* 落款 and 版记: "市政府督查室" */
	char addressees[1001];    /* 主送 */
	char requirements[1024];  /* 四、下一步工作要求, one ini line: paragraphs split by a written \n; {reply_date}, {issuer} */
	char notice_requirements[1024]; /* the 督办单's 办理要求, the same way */
	int reply_days;           /* the reply date: as-of + reply_days */
	char font_body[101];      /* 正文: 仿宋 */
	char font_title[101];     /* 标题: 小标宋 */
	char font_heading[101];   /* 一级标题: 黑体 */
	char font_kai[101];       /* 二级标题: 楷体 */
} config_document;

/* [users] name = admin | inspector | viewer | reporter:AGENCY */
typedef struct config_user {
	char name[65];
	int role;                 /* a role value of model.h */
	char agency[101];         /* for reporters */
} config_user;

typedef struct config {
	char path[PATH_MAX];      /* the file read, "" for built-in defaults */
	char db_path[PATH_MAX];   /* [database] path, resolved against the file's folder */
	int busy_timeout_ms;      /* [database] busy_timeout_ms */
	int as_of;                /* [general] as_of as a day number; 0: today */
	char plan[101];           /* [general] plan: default plan code, "" for the first */
	config_flags flags;
	char lang[3];             /* [ui] lang: "zh" or "en" */
	int color;                /* [ui] color: -1 auto, 0 never, 1 always */
	bool mouse;               /* [ui] mouse: clicks and the wheel (off: the terminal selects text) */
	int ambiguous_width;      /* [ui] ambiguous_width: 0 auto (from the locale), 1 or 2 */
	bool ascii;               /* [ui] ascii: signs and ellipses in ASCII */
	int page_width;           /* [report] page_width (80) */
	int page_length;          /* [report] page_length (66) */
	char report_dir[PATH_MAX];/* [report] folder */
	int csv_encoding;         /* [report] csv_encoding: CSV_UTF8_BOM, CSV_UTF8, CSV_GB18030 */
	config_document doc;      /* [document] */
	char print_command[512];  /* [print] command, "" when printing is off */
	char keys[64][32];        /* [keys] action = key, raw, checked by the UI */
	char key_names[64][32];
	int nkeys;
	char colors[32][32];      /* [colors] element = fg,bg */
	char color_names[32][32];
	int ncolors;
	config_user users[CONFIG_MAX_USERS];
	int nusers;               /* 0: a single-user desk, whoever runs it is admin */
	char service_account[65]; /* [access] service_account: forced commands give --user */
	bool restricted;          /* [access] restricted: no editor or shell, files only in report_dir */
} config;

void config_defaults(config *c);
/* The fixed keys and their defaults as conf/ducha.ini writes them (for the
 * test that keeps the file and the program in step). */
int config_key_count(void);
void config_key_at(int i, const char **section, const char **name, const char **def);
/* The [users] entry for name, or NULL. */
const config_user *config_find_user(const config *c, const char *name);
/* Loads path over the defaults. Returns false with a one-line message in err. */
bool config_load(config *c, const char *path, char *err, size_t errlen);
#endif
