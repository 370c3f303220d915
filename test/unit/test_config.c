/* The config keys are one table (src/core/config.c): conf/ducha.ini, which
 * documents every key with its default, and the README must agree with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ducha/config.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot read %s (run from the top folder)", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *text = malloc((size_t)n + 1);
	ck_assert(text && fread(text, 1, (size_t)n, f) == (size_t)n);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* The "name = value" line of a key in [section] of an ini text, or NULL. */
static const char *find_key_line(const char *ini, const char *section, const char *name, char *value,
                                 size_t len)
{
	char head[80];
	snprintf(head, sizeof head, "\n[%s]\n", section);
	const char *p = strstr(ini, head);
	if (!p)
		return NULL;
	for (p += strlen(head); *p && *p != '['; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
		size_t n = strlen(name);
		if (strncmp(p, name, n) == 0 && strncmp(p + n, " =", 2) == 0) {
			const char *v = p + n + 2, *end = strchr(v, '\n');
			while (*v == ' ')
				v++;
			snprintf(value, len, "%.*s", (int)(end ? end - v : (long)strlen(v)), v);
			return p;
		}
	}
	return NULL;
}

START_TEST(ini_documents_every_key_with_its_default)
{
	char *ini = slurp("conf/ducha.ini");
	for (int i = 0; i < config_key_count(); i++) {
		const char *section, *name, *def;
		char value[1100];
		config_key_at(i, &section, &name, &def);
		ck_assert_msg(find_key_line(ini, section, name, value, sizeof value) != NULL,
		              "conf/ducha.ini does not document [%s] %s", section, name);
		ck_assert_msg(strcmp(value, def) == 0, "conf/ducha.ini: [%s] %s = %s, the program's default is %s",
		              section, name, value, def);
	}
	free(ini);
}
END_TEST

START_TEST(loading_the_ini_gives_the_defaults)
{
	config defaults, loaded;
	char err[512];
	config_defaults(&defaults);
	config_defaults(&loaded);
	ck_assert_msg(config_load(&loaded, "conf/ducha.ini", err, sizeof err), "%s", err);
	/* Paths are resolved against the file's folder; the rest must be equal. */
	ck_assert_str_eq(loaded.db_path, "conf/ducha.db");
	ck_assert_str_eq(loaded.report_dir, "conf/reports");
	memcpy(defaults.path, loaded.path, sizeof defaults.path);
	memcpy(defaults.db_path, loaded.db_path, sizeof defaults.db_path);
	memcpy(defaults.report_dir, loaded.report_dir, sizeof defaults.report_dir);
	ck_assert(memcmp(&defaults, &loaded, sizeof defaults) == 0);
}
END_TEST

START_TEST(readme_names_every_key)
{
	char *readme = slurp("README.md");
	for (int i = 0; i < config_key_count(); i++) {
		const char *section, *name, *def;
		char want[100];
		config_key_at(i, &section, &name, &def);
		snprintf(want, sizeof want, "`%s`", name);
		const char *row = strstr(readme, section);
		ck_assert_msg(strstr(readme, want) != NULL && row, "README does not name [%s] %s", section, name);
	}
	free(readme);
}
END_TEST

START_TEST(a_default_that_changes_is_noticed)
{
	/* The check above can fail: a file that says otherwise is told apart. */
	char value[1100];
	const char *ini = "\n[flags]\nbehind = 0.80\n";
	ck_assert(find_key_line(ini, "flags", "behind", value, sizeof value) != NULL);
	ck_assert_str_ne(value, "0.90");
	ck_assert(find_key_line(ini, "flags", "lagging", value, sizeof value) == NULL);
}
END_TEST

static Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");
	tcase_add_test(tc, ini_documents_every_key_with_its_default);
	tcase_add_test(tc, loading_the_ini_gives_the_defaults);
	tcase_add_test(tc, readme_names_every_key);
	tcase_add_test(tc, a_default_that_changes_is_noticed);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(config_suite)
