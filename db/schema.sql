-- ducha database schema, version 7.
-- Applied by `ducha init` (the program embeds this file at build time).
-- Every table is STRICT; every enumerated or bounded column has a CHECK.
-- Free text is bounded in characters (length) and in bytes (CAST AS BLOB).

PRAGMA application_id = 1146438472;  -- 0x44554348, "DUCH"
PRAGMA user_version = 7;

-- One policy document (工作方案).
CREATE TABLE plan (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 100),
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  issuer    TEXT NOT NULL DEFAULT '' CHECK (length(issuer) <= 200),
  issued    TEXT CHECK (issued IS NULL OR date(issued) IS issued),
  -- Expected progress runs from `starts` to each indicator's due date.
  starts    TEXT NOT NULL CHECK (date(starts) IS starts),
  ends      TEXT NOT NULL CHECK (date(ends) IS ends AND ends >= starts)
) STRICT;

-- 五大领域
CREATE TABLE area (
  id        INTEGER PRIMARY KEY,
  plan_id   INTEGER NOT NULL REFERENCES plan(id),
  num       INTEGER NOT NULL CHECK (num BETWEEN 1 AND 99),
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  short     TEXT NOT NULL CHECK (length(short) BETWEEN 1 AND 20),
  UNIQUE (plan_id, num)
) STRICT;

-- 措施 （一）…（二十一）
CREATE TABLE measure (
  id        INTEGER PRIMARY KEY,
  plan_id   INTEGER NOT NULL REFERENCES plan(id),
  area_id   INTEGER NOT NULL REFERENCES area(id),
  num       INTEGER NOT NULL CHECK (num BETWEEN 1 AND 999),
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body      TEXT NOT NULL CHECK (length(body) <= 10000 AND length(CAST(body AS BLOB)) <= 40000),
  UNIQUE (plan_id, num)
) STRICT;
CREATE INDEX measure_area ON measure(area_id);

-- 重点任务: one row of the 分工表.
CREATE TABLE task (
  id        INTEGER PRIMARY KEY,
  plan_id   INTEGER NOT NULL REFERENCES plan(id),
  measure_id INTEGER NOT NULL REFERENCES measure(id),
  num       INTEGER NOT NULL CHECK (num BETWEEN 1 AND 100000),
  text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000
                                 AND length(CAST(text AS BLOB)) <= 16000),
  deadline  TEXT NOT NULL CHECK (length(deadline) BETWEEN 1 AND 100),
  -- JSON array of normalised due dates, ascending; the last is `due`.
  dues      TEXT NOT NULL CHECK (json_valid(dues) AND json_type(dues) = 'array'
                                 AND json_array_length(dues) >= 1),
  due       TEXT NOT NULL CHECK (date(due) IS due),
  status    TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'in-progress', 'completed', 'accepted')),
  version   INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- 销号: who accepted the task and when ('' while not accepted).
  accepted_by TEXT NOT NULL DEFAULT '' CHECK (length(accepted_by) <= 64),
  accepted_at TEXT NOT NULL DEFAULT '' CHECK (accepted_at = '' OR accepted_at GLOB '[0-9][0-9][0-9][0-9]-*'),
  UNIQUE (plan_id, num)
) STRICT;
CREATE INDEX task_measure ON task(measure_id, num);
CREATE INDEX task_due ON task(plan_id, due);

-- 单位
CREATE TABLE agency (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100
                                        AND instr(name, ' ') = 0)
) STRICT;

-- Other names an agency goes by (市发改委 for 市发展改革委): the importer,
-- --agency and the screen's filter take them for the agency.
CREATE TABLE agency_alias (
  alias     TEXT PRIMARY KEY CHECK (length(alias) BETWEEN 1 AND 100 AND instr(alias, ' ') = 0),
  agency_id INTEGER NOT NULL REFERENCES agency(id)
) STRICT, WITHOUT ROWID;

-- 牵头单位 / 配合单位
CREATE TABLE task_agency (
  task_id   INTEGER NOT NULL REFERENCES task(id),
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  role      TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  ord       INTEGER NOT NULL CHECK (ord BETWEEN 1 AND 100),
  PRIMARY KEY (task_id, agency_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX task_agency_by_agency ON task_agency(agency_id, role, task_id);

-- 量化指标. A milestone (a roadmap published, a platform built) is kind
-- 'milestone' with target 1. Modes: 'cumulative', a level reached by `due`,
-- counted from `baseline`; 'per-year', an amount in each year named by the
-- task's deadline (reports give the year-to-date figure); 'annual', the figure
-- of the calendar year of `due` alone (other years have no target).
-- baseline NULL: 基数未设, the level at the start is not known yet (a stock
-- indicator is then judged by its due date and reports, never from 0);
-- baseline_date: the day the baseline was measured (NULL: the plan's start);
-- baseline_source: where it comes from ("2015年统计公报", "示例数据").
-- source: where the indicator comes from when not the task's own text
-- ("措施（六）"); approval: whose approval a milestone waits on ("须经国务院批复").
CREATE TABLE indicator (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES task(id),
  ord       INTEGER NOT NULL CHECK (ord BETWEEN 1 AND 100),
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind      TEXT NOT NULL DEFAULT 'number' CHECK (kind IN ('number', 'milestone')),
  comparator TEXT NOT NULL CHECK (comparator IN ('>=', '>', '~', 'range')),
  target    REAL NOT NULL CHECK (target >= 0),
  target_hi REAL CHECK ((comparator = 'range') = (target_hi IS NOT NULL)
                        AND (target_hi IS NULL OR target_hi >= target)),
  unit      TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
  due       TEXT NOT NULL CHECK (date(due) IS due),
  mode      TEXT NOT NULL CHECK (mode IN ('cumulative', 'per-year', 'annual')),
  baseline  REAL DEFAULT 0 CHECK (baseline IS NULL OR (baseline >= 0 AND baseline < 1e15)),
  baseline_date TEXT CHECK (baseline_date IS NULL OR date(baseline_date) IS baseline_date),
  baseline_source TEXT NOT NULL DEFAULT '' CHECK (length(baseline_source) <= 100),
  source    TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 200),
  approval  TEXT NOT NULL DEFAULT '' CHECK (length(approval) <= 100),
  CHECK (kind = 'number' OR (target = 1 AND comparator = '>=')),
  UNIQUE (task_id, name)
) STRICT;
CREATE INDEX indicator_task ON indicator(task_id, ord);

-- 季度填报: one agency's update on one task for one quarter.
CREATE TABLE report (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES task(id),
  period    TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
  status    TEXT NOT NULL DEFAULT 'in-progress'
            CHECK (status IN ('not-started', 'in-progress', 'completed')),
  note      TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000
                                 AND length(CAST(note AS BLOB)) <= 8000),
  author    TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 64),
  created   TEXT NOT NULL CHECK (created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version   INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- 审核: submitted (待审核) until an inspector passes or returns it; a
  -- returned report does not count until it is submitted again.
  state     TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'passed', 'returned')),
  reason    TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  reviewer  TEXT NOT NULL DEFAULT '' CHECK (length(reviewer) <= 64),
  reviewed  TEXT NOT NULL DEFAULT '',
  -- 迟报: first filed after its due date. reopened: an inspector allowed one
  -- more submission of a locked report.
  late      INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  reopened  INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
  UNIQUE (task_id, period)
) STRICT;
CREATE INDEX report_period ON report(period, task_id);
-- A task's history without its notes (src/store/detail.c): every column the
-- verdicts and lists read, so the report rows themselves are not visited.
CREATE INDEX report_heads ON report(task_id, period, id, status, state, version, demo, late, reopened, reason);

CREATE TABLE report_value (
  report_id    INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  value        REAL NOT NULL CHECK (value >= 0 AND value < 1e15),
  PRIMARY KEY (report_id, indicator_id)
) STRICT, WITHOUT ROWID;
-- An indicator's series with its values, read from the index alone.
CREATE INDEX report_value_series ON report_value(indicator_id, report_id, value);

-- 进展情况 / 督查意见
CREATE TABLE note (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES task(id),
  -- progress: 进展情况 (a lead agency's); comment: 督查意见; support: 配合情况
  -- (a supporting agency's part: never figures).
  kind      TEXT NOT NULL DEFAULT 'progress' CHECK (kind IN ('progress', 'comment', 'support')),
  text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000
                                 AND length(CAST(text AS BLOB)) <= 8000),
  author    TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 64),
  created   TEXT NOT NULL CHECK (created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  -- Its author's last change of the text (shown as 已修改), NULL if never.
  edited    TEXT CHECK (edited IS NULL OR edited GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  -- Withdrawn by its author: kept for the trail, shown and searched no more.
  withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
) STRICT;
CREATE INDEX note_task ON note(task_id, created);

-- 搜索: every task text, note and report note of every plan in one FTS5
-- index of trigrams, so that a search of three characters or more (Chinese
-- too) is a lookup, not a read of every text; kept in step by the triggers.
-- rowid = id × 4 + 0 for a task, + 1 for a note, + 2 for a report.
CREATE VIRTUAL TABLE search_text USING fts5(text, tokenize = 'trigram');
CREATE TRIGGER task_search_insert AFTER INSERT ON task
BEGIN INSERT INTO search_text (rowid, text) VALUES (new.id * 4, new.text); END;
CREATE TRIGGER task_search_update AFTER UPDATE OF text ON task
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4;
      INSERT INTO search_text (rowid, text) VALUES (new.id * 4, new.text); END;
CREATE TRIGGER task_search_delete AFTER DELETE ON task
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4; END;
CREATE TRIGGER note_search_insert AFTER INSERT ON note
BEGIN INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.text); END;
CREATE TRIGGER note_search_update AFTER UPDATE OF text ON note
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
      INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.text); END;
CREATE TRIGGER note_search_delete AFTER DELETE ON note
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 1; END;
CREATE TRIGGER note_search_withdraw AFTER UPDATE OF withdrawn ON note WHEN new.withdrawn = 1
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 1; END;
CREATE TRIGGER report_search_insert AFTER INSERT ON report WHEN new.note <> ''
BEGIN INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 2, new.note); END;
CREATE TRIGGER report_search_update AFTER UPDATE OF note ON report
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
      INSERT INTO search_text (rowid, text) SELECT new.id * 4 + 2, new.note WHERE new.note <> ''; END;
CREATE TRIGGER report_search_delete AFTER DELETE ON report
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 2; END;

-- 留痕 (the audit trail) is db/audit.sql, applied right after this file.
