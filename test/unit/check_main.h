/* Shared main() for the unit test programs: each test file builds one Suite. */
#ifndef DUCHA_CHECK_MAIN_H
#define DUCHA_CHECK_MAIN_H
#include <check.h>
#include <locale.h>
#include <stdlib.h>

#define DUCHA_TEST_MAIN(make_suite)                                         \
	int main(void)                                                          \
	{                                                                       \
		setlocale(LC_ALL, "C.UTF-8");                                       \
		SRunner *runner = srunner_create(make_suite());                     \
		srunner_run_all(runner, CK_NORMAL);                                 \
		int failed = srunner_ntests_failed(runner);                         \
		srunner_free(runner);                                               \
		return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                   \
	}
#endif
