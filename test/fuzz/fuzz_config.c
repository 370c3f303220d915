/* libFuzzer: the config loader on arbitrary files: no crash, and every
 * refusal comes with a message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ducha/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/ducha-fuzz-config-%d.ini", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	config c;
	char err[1024] = "";
	config_defaults(&c);
	if (!config_load(&c, path, err, sizeof err) && err[0] == '\0')
		abort();
	if (c.flags.lagging > c.flags.behind && err[0] == '\0')
		abort();
	return 0;
}
