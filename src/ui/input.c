/* Events from the terminal or from a key script. */
#include "ui_input.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

struct ui_input {
	bool script;
	char *text;                 /* the script, comments and line ends removed */
	size_t pos;
	ui_script_hooks hooks;
	char err[200];
	bool pending;               /* a key read by ui_input_waiting, not handed out yet */
	bool closed;                /* the terminal is gone (seen while waiting) */
	int pending_rc;
	wint_t pending_ch;
};

/* --- hang-up and termination ---------------------------------------------- */

/* The signal that asked us to stop, set by the handler and nothing else:
 * drafts are saved and the terminal left alone by the main loop, where
 * that is safe, never inside the handler. */
static volatile sig_atomic_t stop_signal;
static struct sigaction old_hup, old_term;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

void ui_input_catch_stop(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;            /* no SA_RESTART: the wait for a key must end */
	stop_signal = 0;
	sigaction(SIGHUP, &sa, &old_hup);
	sigaction(SIGTERM, &sa, &old_term);
}

void ui_input_release_stop(void)
{
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGTERM, &old_term, NULL);
}

int ui_input_stop_signal(void)
{
	return stop_signal;
}

/* --- the sequences terminals send ---------------------------------------- */

/* What xterm, screen and tmux, PuTTY, rxvt, the linux console, Xshell and
 * SecureCRT send for these keys in either cursor mode, whatever TERM says:
 * users often run with a TERM that is not their terminal's (PuTTY says
 * xterm), and a key the description does not name would arrive as Esc and
 * then characters ("[4~": back, then pane 4). */
static const struct { const char *seq; int code; } known_sequences[] = {
	{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
	{ "\033[4~", KEY_END }, { "\033[8~", KEY_END }, { "\033[F", KEY_END }, { "\033OF", KEY_END },
	{ "\033[3~", KEY_DC }, { "\033[2~", KEY_IC }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033[Z", KEY_BTAB },
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
};

void ui_input_know_sequences(void)
{
	/* Only sequences the terminal description leaves unbound: one it binds
	 * stays as it is (replacing a binding leaks inside ncurses). */
	for (size_t i = 0; i < sizeof known_sequences / sizeof known_sequences[0]; i++)
		if (key_defined(known_sequences[i].seq) == 0)
			define_key(known_sequences[i].seq, known_sequences[i].code);
}

/* How long the rest of a sequence may take once its start has come: a
 * terminal sends a key's sequence in one write. */
enum { SEQUENCE_GAP_MS = 20 };

static bool read_now(int ms, int *rc, wint_t *ch)
{
	timeout(ms);
	*rc = get_wch(ch);
	timeout(-1);
	return *rc != ERR;
}

/* After an Esc that curses could not match: a lone Esc when anything but
 * "[" or "O" follows (over SSH, Esc and the next key can come in one
 * packet: that key is given back, to be read as itself); otherwise the
 * rest of the sequence (CSI: parameters up to a final byte; SS3: one more
 * character) is read and the whole dropped. */
static ui_key after_escape(void)
{
	int rc;
	wint_t ch;
	if (!read_now(0, &rc, &ch))
		return UI_KEY_ESC;
	if (rc == KEY_CODE_YES || (ch != '[' && ch != 'O')) {
		if (rc == KEY_CODE_YES)
			ungetch((int)ch);
		else
			unget_wch((wchar_t)ch);
		return UI_KEY_ESC;
	}
	if (ch == 'O') {
		read_now(SEQUENCE_GAP_MS, &rc, &ch);
		return UI_KEY_UNKNOWN;
	}
	for (int n = 0; n < 32 && read_now(SEQUENCE_GAP_MS, &rc, &ch); n++)
		if (rc == KEY_CODE_YES || (ch >= 0x40 && ch <= 0x7E && !(n == 0 && ch == '[')))
			break;
	return UI_KEY_UNKNOWN;
}

ui_input *ui_input_terminal(void)
{
	ui_input *in = xcalloc(1, sizeof *in);
	return in;
}

/* Keeps the script's text without comment lines and line ends. */
static char *read_script(FILE *f)
{
	size_t cap = 4096, len = 0;
	char *out = xmalloc(cap), line[4096];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#')
			continue;
		size_t n = strcspn(line, "\r\n");
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *p = xrealloc(out, cap);
			out = p;
		}
		memcpy(out + len, line, n);
		len += n;
	}
	out[len] = '\0';
	return out;
}

ui_input *ui_input_script(const char *path, const ui_script_hooks *hooks, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "cannot read key script %s: %s", path, strerror(errno));
		return NULL;
	}
	ui_input *in = ui_input_terminal();
	in->script = true;
	in->text = read_script(f);
	in->hooks = *hooks;
	fclose(f);
	return in;
}

static bool terminal_next(ui_input *in, ui_event *ev)
{
	wint_t ch = in->pending_ch;
	int rc = in->pending_rc;
	/* A signal may interrupt the wait; only a closed terminal or a hang-up
	 * or termination signal ends it. One arriving between the check and
	 * the read is seen at the next key, or when the terminal closes, as it
	 * does on a hang-up. */
	while (!in->pending) {
		if (stop_signal || in->closed)
			return false;
		errno = 0;
		rc = get_wch(&ch);
		if (rc != ERR || errno != EINTR)
			break;
	}
	in->pending = false;
	if (rc == ERR)
		return false;
	memset(ev, 0, sizeof *ev);
	if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
		ev->kind = UI_EV_RESIZE;
		return true;
	}
	MEVENT me;
	if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
		if (getmouse(&me) != OK)
			return terminal_next(in, ev);
		ev->kind = UI_EV_MOUSE;
		ev->y = me.y;
		ev->x = me.x;
		ev->mouse = (me.bstate & BUTTON1_DOUBLE_CLICKED) ? UI_MOUSE_DOUBLE
		          : (me.bstate & BUTTON4_PRESSED) ? UI_MOUSE_WHEEL_UP
		          : (me.bstate & BUTTON5_PRESSED) ? UI_MOUSE_WHEEL_DOWN : UI_MOUSE_CLICK;
		return true;
	}
	ev->kind = UI_EV_KEY;
	ev->key = ui_key_from_input(rc == KEY_CODE_YES, (int)ch);
	if (ev->key == UI_KEY_ESC)
		ev->key = after_escape();
	return true;
}

static bool mouse_token(const char *tok, ui_event *ev)
{
	static const struct { const char *name; ui_mouse_kind kind; } kinds[] = {
		{ "click", UI_MOUSE_CLICK }, { "dclick", UI_MOUSE_DOUBLE },
		{ "wheel-up", UI_MOUSE_WHEEL_UP }, { "wheel-down", UI_MOUSE_WHEEL_DOWN },
	};
	char name[16];
	int x, y;
	if (sscanf(tok, "%15s %d %d", name, &x, &y) != 3)
		return false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(name, kinds[i].name) == 0) {
			ev->kind = UI_EV_MOUSE;
			ev->mouse = kinds[i].kind;
			ev->x = x;
			ev->y = y;
			return true;
		}
	return false;
}

/* One <token>: true when it made an event; *stop when the script is wrong. */
static bool special_token(ui_input *in, const char *tok, ui_event *ev, bool *stop)
{
	int cols, rows;
	if (strcmp(tok, "lt") == 0) {
		ev->kind = UI_EV_KEY;
		ev->key = '<';
		return true;
	}
	if (sscanf(tok, "resize %dx%d", &cols, &rows) == 2) {
		resize_term(rows, cols);
		ev->kind = UI_EV_RESIZE;
		return true;
	}
	if (strcmp(tok, "dump") == 0 || strncmp(tok, "dump ", 5) == 0) {
		in->hooks.dump(in->hooks.ctx, tok[4] ? tok + 5 : "", false);
		return false;
	}
	if (strncmp(tok, "dump-marked ", 12) == 0) {
		in->hooks.dump(in->hooks.ctx, tok + 12, true);
		return false;
	}
	if (mouse_token(tok, ev))
		return true;
	if (ui_key_parse(tok, &ev->key)) {
		ev->kind = UI_EV_KEY;
		return true;
	}
	if (in->hooks.hook && in->hooks.hook(in->hooks.ctx, tok))
		return false;
	snprintf(in->err, sizeof in->err, "unknown token <%.100s> in key script", tok);
	*stop = true;
	return false;
}

static bool script_next(ui_input *in, ui_event *ev)
{
	const char *s = in->text;
	size_t n = strlen(s);
	while (in->pos < n) {
		memset(ev, 0, sizeof *ev);
		if (s[in->pos] == '<') {
			const char *close = strchr(s + in->pos, '>');
			if (!close) {
				snprintf(in->err, sizeof in->err, "unclosed < in key script");
				return false;
			}
			char tok[128];
			snprintf(tok, sizeof tok, "%.*s", (int)(close - s - in->pos - 1), s + in->pos + 1);
			in->pos = (size_t)(close - s) + 1;
			bool stop = false;
			if (special_token(in, tok, ev, &stop))
				return true;
			if (stop)
				return false;
			continue;
		}
		uint32_t cp;
		size_t k = text_decode(s + in->pos, n - in->pos, &cp);
		if (k == 0) {
			snprintf(in->err, sizeof in->err, "invalid UTF-8 in key script");
			return false;
		}
		in->pos += k;
		ev->kind = UI_EV_KEY;
		ev->key = (ui_key)cp;
		return true;
	}
	return false;
}

bool ui_input_next(ui_input *in, ui_event *ev)
{
	return in->script ? script_next(in, ev) : terminal_next(in, ev);
}

bool ui_input_is_script(const ui_input *in)
{
	return in->script;
}

/* Whether the terminal hung up (its end closed): no key will ever come. */
static bool terminal_gone(void)
{
	struct pollfd p = { .fd = fileno(stdin), .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool ui_input_wait(ui_input *in, int ms)
{
	if (in->script || in->pending)
		return in->pending;
	timeout(ms);
	in->pending_rc = get_wch(&in->pending_ch);
	timeout(-1);
	in->pending = in->pending_rc != ERR;
	if (!in->pending && terminal_gone()) {
		/* A wait that ends at once, every time, on a hung-up terminal:
		 * the caller stops waiting and the next read ends the loop. */
		in->closed = true;
		return true;
	}
	return in->pending;
}

bool ui_input_waiting(ui_input *in)
{
	return ui_input_wait(in, 0);
}

const char *ui_input_error(const ui_input *in)
{
	return in->err;
}

void ui_input_free(ui_input *in)
{
	if (!in)
		return;
	free(in->text);
	free(in);
}
