# ducha — build, test, run, install.  See README.md.
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man/man1
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
STATEDIR   ?= $(if $(filter /usr,$(PREFIX)),/var/lib/ducha,$(PREFIX)/var/lib/ducha)

CC       ?= cc
# Quiet by default: one line a file; `make V=1` shows every command.
ifeq ($(V),1)
Q   =
say = @true
else
Q   = @
say = @printf '  %-5s %s\n'
endif
PKGS      = ncursesw sqlite3 libcrypto pangocairo cairo-pdf fontconfig libzip xlsxwriter libxml-2.0
VERSION   = 0.1.0
BASE_CFLAGS = -std=c17 -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -D_GNU_SOURCE -Iinclude -I$(BUILD)/gen -I/usr/include/iniparser \
              -DDUCHA_VERSION='"$(VERSION)"'
# `make SAN=1` builds into build-san/ with AddressSanitizer and UBSan.
ifeq ($(SAN),1)
BUILD    ?= build-san
OPT       = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
export LSAN_OPTIONS = suppressions=$(CURDIR)/test/lsan.supp:print_suppressions=0
else
BUILD    ?= build
OPT       = -O2
endif
CFLAGS   += $(BASE_CFLAGS) $(OPT) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDFLAGS  += $(filter -fsanitize%,$(OPT))
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -liniparser -lcsv -lm

SRC      := $(filter-out $(EXCLUDE),$(wildcard src/*.c src/*/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
OBJ_LIB  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
OBJ_MAIN := $(BUILD)/main.o
EMBED    := db/schema.sql db/audit.sql db/load.sql db/plan-cq-2016-25.sql
UNIT_SRC := $(wildcard test/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:test/unit/%.c=$(BUILD)/test/%)
DEPS_OK  := build/.deps-ok

ifeq ($(SAN),1)
BIN      ?= $(BUILD)/ducha
else
BIN      ?= ducha
endif

.PHONY: FORCE all deps run test test-unit test-cli test-plan test-robust test-valgrind test-security install uninstall clean bench bench-oneplan documents
RUNBIN    = $(if $(filter /%,$(BIN)),$(BIN),./$(BIN))
all: $(BIN)

# Only `make run`, `make test` and `make deps` install missing Debian
# packages (as root); any other target just says which are missing.
DEPS_FLAGS = $(if $(filter run test deps,$(MAKECMDGOALS)),,--check)
$(DEPS_OK): tools/deps.sh
	@sh tools/deps.sh $(DEPS_FLAGS)
	@mkdir -p build && touch $@
deps: $(DEPS_OK)

$(BIN): $(OBJ_MAIN) $(BUILD)/libducha.a
	$(say) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libducha.a: $(OBJ_LIB)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# Compiled-in paths; rewritten only when they change, so PREFIX=… rebuilds main.o.
$(BUILD)/gen/paths.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define DUCHA_SYSCONFDIR "$(SYSCONFDIR)"' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/main.o: $(BUILD)/gen/paths.h
FORCE:

$(BUILD)/gen/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q){ sh tools/embed.sh ducha_schema_sql db/schema.sql; \
	  sh tools/embed.sh ducha_audit_sql db/audit.sql; \
	  sh tools/embed.sh ducha_load_sql db/load.sql; \
	  sh tools/embed.sh ducha_builtin_plan_sql db/plan-cq-2016-25.sql; } > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(say) CC $<
	$(Q)$(CC) -c -o $@ $<

# Each test/unit/test_*.c is its own Check program (see test/unit/check_main.h).
$(BUILD)/test/%: test/unit/%.c $(BUILD)/libducha.a | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) -Itest/unit -Isrc/ui $(shell pkg-config --cflags check) -MMD -MP -o $@ $< \
	  $(BUILD)/libducha.a $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs check)

-include $(OBJ_LIB:.o=.d) $(OBJ_MAIN:.o=.d) $(UNIT_BIN:=.d)

# The demo database is rebuilt when the program or the plan changes.
DEMO_DB = build/demo.db
run: $(BIN)
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@$(RUNBIN) --db $(DEMO_DB) --conf conf/demo.ini init --demo >/dev/null
	$(RUNBIN) --db $(DEMO_DB) --conf conf/demo.ini

test-unit: $(UNIT_BIN)
	@DUCHA_TEST_DATA=test/data sh test/unit/run.sh $(UNIT_BIN)
test-cli: $(BIN)
	DUCHA=$(BIN) bash test/cli/run.sh
test-plan: $(DEPS_OK)
	bash test/plan/check-transcription.sh

test-robust: $(BIN)
	DUCHA=$(BIN) bash test/robust/run.sh
test-valgrind: $(BIN)
	DUCHA=$(BIN) bash test/valgrind/run.sh
# The security suite (test/security/run.sh); as root it also installs a
# setgid copy into a scratch prefix and tries it with throwaway accounts.
test-security: $(BIN)
	DUCHA=$(BIN) bash test/security/run.sh

# `make test`: every test, with the normal build and again under the
# sanitizers, then each fuzzer for FUZZ_SECONDS.
test: $(DEPS_OK)
	$(MAKE) test-plan
	$(MAKE) test-unit test-cli test-screen test-e2e test-robust test-valgrind test-security
	$(MAKE) SAN=1 test-unit test-cli test-screen test-e2e
	$(MAKE) SAN=1 ROBUST_ROUNDS=10 test-robust
	$(MAKE) fuzz

# The installed config points the database at $(STATEDIR).
# DUCHA_GROUP=ducha: personal accounts share a group-owned database through a
#   setgid binary (state dir 2770, files created 0660 under umask 007).
# DUCHA_OWNER=ducha: a service account owns the state dir (forced commands).
INSTALL_OWNER = $(if $(DUCHA_OWNER),-o $(DUCHA_OWNER)) $(if $(DUCHA_GROUP),-g $(DUCHA_GROUP))
install: $(BIN)
	install -d -m 0755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(SYSCONFDIR)/ducha
	install -d -m $(if $(DUCHA_GROUP),2770,0770) $(INSTALL_OWNER) $(DESTDIR)$(STATEDIR) $(DESTDIR)$(STATEDIR)/reports
	install -m $(if $(DUCHA_GROUP),2755,0755) $(if $(DUCHA_GROUP),-g $(DUCHA_GROUP)) $(BIN) $(DESTDIR)$(BINDIR)/ducha
	install -m 0644 doc/ducha.1 $(DESTDIR)$(MANDIR)/ducha.1
	sed -e 's|^path = ducha.db$$|path = $(STATEDIR)/ducha.db|' \
	    -e 's|^folder = reports$$|folder = $(STATEDIR)/reports|' conf/ducha.ini \
	    > $(DESTDIR)$(SYSCONFDIR)/ducha/ducha.ini.tmp
	mv $(DESTDIR)$(SYSCONFDIR)/ducha/ducha.ini.tmp $(DESTDIR)$(SYSCONFDIR)/ducha/ducha.ini
	chmod 0644 $(DESTDIR)$(SYSCONFDIR)/ducha/ducha.ini
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ducha $(DESTDIR)$(MANDIR)/ducha.1 $(DESTDIR)$(SYSCONFDIR)/ducha/ducha.ini

clean:
	rm -rf build build-san build-fuzz ducha

# libFuzzer harnesses (clang): each runs FUZZ_SECONDS from its committed seed
# corpus in test/fuzz/corpus/NAME; new finds go to a scratch folder.
FUZZ_SECONDS ?= 15
FUZZ_CC      ?= clang
FUZZ_FLAGS    = -std=c17 -g -O1 -D_GNU_SOURCE -Iinclude -I/usr/include/iniparser \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB      = src/core/date.c src/text/text.c src/core/validate.c src/core/xalloc.c \
                src/core/config.c src/core/model.c
FUZZ_NAMES    = $(patsubst test/fuzz/fuzz_%.c,%,$(wildcard test/fuzz/fuzz_*.c))
FUZZ_EXTRA_import = src/core/csvread.c src/core/plantable.c src/core/target.c src/core/deadline.c \
                    src/core/userfile.c
FUZZ_LIBS_import  = -lcsv
FUZZ_EXTRA_deadline = src/core/deadline.c
# Each harness links the pure modules it needs (no SQL, no curses).
.SECONDEXPANSION:
build-fuzz/fuzz_%: test/fuzz/fuzz_%.c $(FUZZ_LIB) $$(FUZZ_EXTRA_$$*) | $(DEPS_OK)
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIB) $(FUZZ_EXTRA_$*) -liniparser $(FUZZ_LIBS_$*)
fuzz: $(FUZZ_NAMES:%=build-fuzz/fuzz_%)
	@for n in $(FUZZ_NAMES); do \
	  rm -rf build-fuzz/new-$$n && mkdir -p build-fuzz/new-$$n && \
	  echo "fuzz $$n: $(FUZZ_SECONDS) s" && \
	  ./build-fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 \
	    -artifact_prefix=build-fuzz/$$n- build-fuzz/new-$$n test/fuzz/corpus/$$n \
	    > build-fuzz/$$n.log 2>&1 || { tail -30 build-fuzz/$$n.log; echo "fuzz $$n: FAILED"; exit 1; }; \
	  grep -E '^(#[0-9]+.*DONE|Done)' build-fuzz/$$n.log | tail -1; \
	done
.PHONY: fuzz

# The full-screen program's tests: golden screens (test/screen/run.sh, driven
# by the screen-test program from key scripts) and the end-to-end tests in
# tmux (test/e2e/tui_report.sh; tui_hangup.sh: drafts kept on a hang-up;
# tui_cycle.sh: the quarterly cycle by role; tui_keys.sh: Home/End per terminal;
# tui_live.sh: two sessions, one sees the other's save; tui_terminals.sh:
# GB18030, a missing locale, TERM=dumb; tui_notes.sh: changing and withdrawing
# one's own notes; tui_plan.sh: an administrator edits the plan).
SCREEN_BIN = $(BUILD)/screen-test
$(SCREEN_BIN): test/screen/screen.c $(BUILD)/libducha.a | $(DEPS_OK)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) -Isrc/ui -MMD -MP -o $@ $< $(BUILD)/libducha.a $(LDFLAGS) $(LDLIBS)
-include $(SCREEN_BIN).d
test-screen: $(BIN) $(SCREEN_BIN)
	DUCHA=$(BIN) SCREEN=$(SCREEN_BIN) bash test/screen/run.sh
test-e2e: $(BIN)
	DUCHA=$(BIN) bash test/e2e/tui_report.sh
	DUCHA=$(BIN) bash test/e2e/tui_hangup.sh
	DUCHA=$(BIN) bash test/e2e/tui_cycle.sh
	DUCHA=$(BIN) bash test/e2e/tui_keys.sh
	DUCHA=$(BIN) bash test/e2e/tui_live.sh
	DUCHA=$(BIN) bash test/e2e/tui_terminals.sh
	DUCHA=$(BIN) bash test/e2e/tui_notes.sh
	DUCHA=$(BIN) bash test/e2e/tui_plan.sh
.PHONY: test-screen test-e2e

# The documents to look at (not part of `make test`, which checks them in
# test/cli/cases/documents.sh): the 通报, 督办单 and 台账 of the demo database,
# with the first page of each as PNG, in $(DOC_OUT).
DOC_OUT ?= $(BUILD)/documents
documents: $(BIN)
	DUCHA=$(BIN) OUT=$(DOC_OUT) bash test/print/documents.sh
.PHONY: documents

# `make bench`: the figures of README "Performance" (issue 8), on the
# built-in plan and on two generated databases kept in $(BUILD)/bench
# (test/bench/run.sh). Not part of `make test`; takes a few minutes.
$(BUILD)/bench-gen: test/bench/gen.c $(BUILD)/libducha.a | $(DEPS_OK)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libducha.a $(LDFLAGS) $(LDLIBS)
$(BUILD)/bench-measure: test/bench/measure.c | $(DEPS_OK)
	$(CC) $(CFLAGS) -o $@ $< -lm
$(BUILD)/bench-pty: test/bench/pty.c | $(DEPS_OK)
	$(CC) $(CFLAGS) -o $@ $< -lutil
bench: $(BIN) $(SCREEN_BIN) $(BUILD)/bench-gen $(BUILD)/bench-measure $(BUILD)/bench-pty
	DUCHA=$(BIN) SCREEN=$(SCREEN_BIN) GEN=$(BUILD)/bench-gen MEASURE=$(BUILD)/bench-measure \
	  BENCH_DIR=$(BUILD)/bench bash test/bench/run.sh
	DUCHA=$(BIN) GEN=$(BUILD)/bench-gen MEASURE=$(BUILD)/bench-measure PTY=$(BUILD)/bench-pty \
	  BENCH_DIR=$(BUILD)/bench bash test/bench/oneplan.sh
	DUCHA=$(BIN) MEASURE=$(BUILD)/bench-measure BENCH_DIR=$(BUILD)/bench bash test/bench/rush.sh
# Issue 17's part alone: one plan of 10,000 (and 100,000) tasks on a real pty.
bench-oneplan: $(BIN) $(BUILD)/bench-gen $(BUILD)/bench-measure $(BUILD)/bench-pty
	DUCHA=$(BIN) GEN=$(BUILD)/bench-gen MEASURE=$(BUILD)/bench-measure PTY=$(BUILD)/bench-pty \
	  BENCH_DIR=$(BUILD)/bench bash test/bench/oneplan.sh
