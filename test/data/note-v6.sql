-- The note table as schema version 6 had it (before edited / withdrawn),
-- for test/cli/cases/migrate_v6.sh.
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
  demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX note_task ON note(task_id, created);
CREATE TRIGGER note_search_insert AFTER INSERT ON note
BEGIN INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.text); END;
CREATE TRIGGER note_search_delete AFTER DELETE ON note
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 1; END;
CREATE TRIGGER note_search_update AFTER UPDATE OF text ON note
BEGIN DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
      INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.text); END;
