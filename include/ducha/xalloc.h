#ifndef DUCHA_XALLOC_H
#define DUCHA_XALLOC_H
/* Allocation that cannot fail: out of memory aborts. The program can do
 * nothing useful without memory, and a half-made answer is worse than none;
 * every write is a transaction, so nothing stored is left half-written. */
#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);     /* n == 0 keeps one byte, never frees */
char *xstrdup(const char *s);          /* NULL gives "" */
/* A malloc'd printf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
/* An array with room for item n: doubles *cap when full (first 16). */
void *xgrow(void *p, int n, int *cap, size_t size);
#endif
