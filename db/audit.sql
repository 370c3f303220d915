-- The audit trail (留痕), part of db/schema.sql: its own file so that the
-- migration from version 1 re-creates it with exactly this text, and
-- `ducha check` can compare the live schema with the shipped one.
-- 留痕: append-only.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  user      TEXT NOT NULL CHECK (length(user) BETWEEN 1 AND 64),
  role      TEXT NOT NULL CHECK (role IN ('admin', 'inspector', 'reporter', 'viewer')),
  action    TEXT NOT NULL CHECK (action IN ('init', 'reinit', 'report', 'note', 'status', 'conflict',
                                         'import', 'restore', 'backup', 'migrate', 'review',
                                         'reopen', 'indicator', 'alias', 'plan')),
  object    TEXT NOT NULL CHECK (length(object) BETWEEN 1 AND 200),
  old       TEXT CHECK (old IS NULL OR json_valid(old)),
  new       TEXT CHECK (new IS NULL OR json_valid(new)),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
-- A task's history (its object and the ones below it) and the last init,
-- found without reading the whole trail.
CREATE INDEX audit_by_object ON audit (object, id);
CREATE INDEX audit_by_action ON audit (action, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;
