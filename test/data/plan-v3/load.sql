-- Loading interface for plan data files (db/plan-*.sql).
-- A data file inserts rows into these temporary views; the triggers resolve
-- numbers and agency names to ids, so the data file reads like the document.
-- The plan being loaded is the one most recently inserted into load_plan.

CREATE TEMP TABLE load_current (plan_id INTEGER NOT NULL);

CREATE TEMP VIEW load_plan (code, title, issuer, issued, starts, ends) AS
  SELECT code, title, issuer, issued, starts, ends FROM plan WHERE 0;
CREATE TEMP TRIGGER load_plan_ins INSTEAD OF INSERT ON load_plan BEGIN
  INSERT INTO plan (code, title, issuer, issued, starts, ends)
  VALUES (NEW.code, NEW.title, NEW.issuer, NEW.issued, NEW.starts, NEW.ends);
  DELETE FROM load_current;
  INSERT INTO load_current VALUES (last_insert_rowid());
END;

CREATE TEMP VIEW load_area (num, title, short) AS
  SELECT num, title, short FROM area WHERE 0;
CREATE TEMP TRIGGER load_area_ins INSTEAD OF INSERT ON load_area BEGIN
  INSERT INTO area (plan_id, num, title, short)
  VALUES ((SELECT plan_id FROM load_current), NEW.num, NEW.title, NEW.short);
END;

CREATE TEMP VIEW load_measure (num, area, title, body) AS
  SELECT num, 0, title, body FROM measure WHERE 0;
CREATE TEMP TRIGGER load_measure_ins INSTEAD OF INSERT ON load_measure BEGIN
  SELECT RAISE(ABORT, 'load_measure: unknown area')
   WHERE NOT EXISTS (SELECT 1 FROM area WHERE num = NEW.area
                     AND plan_id = (SELECT plan_id FROM load_current));
  INSERT INTO measure (plan_id, area_id, num, title, body)
  VALUES ((SELECT plan_id FROM load_current),
          (SELECT id FROM area WHERE num = NEW.area
            AND plan_id = (SELECT plan_id FROM load_current)),
          NEW.num, NEW.title, NEW.body);
END;

-- lead / support: agency names joined with '、' ('' for none).
CREATE TEMP VIEW load_task (num, measure, text, deadline, dues, lead, support) AS
  SELECT num, 0, text, deadline, dues, '', '' FROM task WHERE 0;
CREATE TEMP TRIGGER load_task_ins INSTEAD OF INSERT ON load_task BEGIN
  SELECT RAISE(ABORT, 'load_task: unknown measure')
   WHERE NOT EXISTS (SELECT 1 FROM measure WHERE num = NEW.measure
                     AND plan_id = (SELECT plan_id FROM load_current));
  SELECT RAISE(ABORT, 'load_task: a task needs a lead agency') WHERE NEW.lead = '';
  INSERT INTO task (plan_id, measure_id, num, text, deadline, dues, due)
  VALUES ((SELECT plan_id FROM load_current),
          (SELECT id FROM measure WHERE num = NEW.measure
            AND plan_id = (SELECT plan_id FROM load_current)),
          NEW.num, NEW.text, NEW.deadline, NEW.dues,
          (SELECT max(value) FROM json_each(NEW.dues)));
  INSERT OR IGNORE INTO agency (name)
    SELECT value FROM json_each('["' || replace(NEW.lead, '、', '","') || '"]');
  INSERT OR IGNORE INTO agency (name)
    SELECT value FROM json_each('["' || replace(NEW.support, '、', '","') || '"]')
     WHERE NEW.support <> '';
  INSERT INTO task_agency (task_id, agency_id, role, ord)
    SELECT (SELECT id FROM task WHERE num = NEW.num
             AND plan_id = (SELECT plan_id FROM load_current)),
           (SELECT id FROM agency WHERE name = j.value), 'lead', j.key + 1
      FROM json_each('["' || replace(NEW.lead, '、', '","') || '"]') AS j;
  INSERT INTO task_agency (task_id, agency_id, role, ord)
    SELECT (SELECT id FROM task WHERE num = NEW.num
             AND plan_id = (SELECT plan_id FROM load_current)),
           (SELECT id FROM agency WHERE name = j.value), 'support', j.key + 1
      FROM json_each('["' || replace(NEW.support, '、', '","') || '"]') AS j
     WHERE NEW.support <> '';
END;

-- ord is the indicator's position within its task (1, 2, …).
CREATE TEMP VIEW load_indicator
  (task, ord, name, kind, comparator, target, target_hi, unit, due, mode) AS
  SELECT 0, ord, name, kind, comparator, target, target_hi, unit, due, mode
    FROM indicator WHERE 0;
CREATE TEMP TRIGGER load_indicator_ins INSTEAD OF INSERT ON load_indicator BEGIN
  SELECT RAISE(ABORT, 'load_indicator: unknown task')
   WHERE NOT EXISTS (SELECT 1 FROM task WHERE num = NEW.task
                     AND plan_id = (SELECT plan_id FROM load_current));
  INSERT INTO indicator (task_id, ord, name, kind, comparator, target, target_hi,
                         unit, due, mode)
  VALUES ((SELECT id FROM task WHERE num = NEW.task
            AND plan_id = (SELECT plan_id FROM load_current)),
          NEW.ord, NEW.name, NEW.kind, NEW.comparator, NEW.target, NEW.target_hi,
          NEW.unit, NEW.due, NEW.mode);
END;
