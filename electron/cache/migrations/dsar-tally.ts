/**
 * The requests' daily tallies: how many arrived per local day and type, and how many were answered per local
 * day, type and on time or late (on time: answered on or before the due date of its ledger, the extension
 * and the paused time included). Triggers keep them in the rows' own transactions; a bootstrap drops the
 * triggers with the indexes and rebuilds the tallies once at its end (`dsarTallyRebuild`).
 */
const answered = (row: 'new' | 'old') => `${row}.answered_on IS NOT NULL`;
const add = (row: 'new' | 'old') => `
  INSERT INTO dsar_tally VALUES ('received', ${row}.received_on, ${row}.type, 0, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO dsar_tally SELECT 'answered', ${row}.answered_on, ${row}.type, ${row}.answered_on <= ${row}.due_date, 1
    WHERE ${answered(row)} ON CONFLICT DO UPDATE SET n = n + 1;`;
const subtract = (row: 'new' | 'old') => `
  UPDATE dsar_tally SET n = n - 1 WHERE measure = 'received' AND day = ${row}.received_on AND type = ${row}.type AND on_time = 0;
  UPDATE dsar_tally SET n = n - 1 WHERE ${answered(row)} AND measure = 'answered' AND day = ${row}.answered_on AND type = ${row}.type
    AND on_time = (${row}.answered_on <= ${row}.due_date);`;

const countAll = `
  INSERT INTO dsar_tally SELECT 'received', received_on, type, 0, count(*) FROM dsars GROUP BY 2, 3;
  INSERT INTO dsar_tally SELECT 'answered', answered_on, type, answered_on <= due_date, count(*) FROM dsars
    WHERE answered_on IS NOT NULL GROUP BY 2, 3, 4;`;

export const dsarTallySchema = `
  CREATE TABLE dsar_tally (
    measure TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, on_time INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (measure, day, type, on_time)
  ) WITHOUT ROWID;
  CREATE TRIGGER dsars_tally_in AFTER INSERT ON dsars BEGIN ${add('new')} END;
  CREATE TRIGGER dsars_tally_out AFTER DELETE ON dsars BEGIN ${subtract('old')} END;
  CREATE TRIGGER dsars_tally_moved AFTER UPDATE OF received_on, type, answered_on, due_date ON dsars
    WHEN old.received_on IS NOT new.received_on OR old.type IS NOT new.type OR old.answered_on IS NOT new.answered_on
      OR old.due_date IS NOT new.due_date
  BEGIN ${subtract('old')} ${add('new')} END;
  ${countAll}
`;

/** After a bulk load (the triggers were not there): the tallies counted again from the rows. */
export const dsarTallyRebuild = `DELETE FROM dsar_tally; ${countAll}`;

/**
 * The open requests per due date and assignee ('' for nobody): the overview's days-left buckets and the load per
 * person are sums over a few thousand rows instead of a walk over every open request (a quarter of a million in a
 * large history). Kept by triggers like the daily tallies; a row that falls to zero goes.
 */
const openAdd = (row: 'new' | 'old') => `
  INSERT INTO dsar_open SELECT ${row}.due_date, coalesce(${row}.assignee_id, ''), 1 WHERE ${row}.is_open = 1
    ON CONFLICT DO UPDATE SET n = n + 1;`;
const openSubtract = (row: 'new' | 'old') => `
  UPDATE dsar_open SET n = n - 1 WHERE ${row}.is_open = 1 AND due_date = ${row}.due_date AND assignee = coalesce(${row}.assignee_id, '');
  DELETE FROM dsar_open WHERE n <= 0 AND due_date = ${row}.due_date AND assignee = coalesce(${row}.assignee_id, '');`;
const countOpen = `
  INSERT INTO dsar_open SELECT due_date, coalesce(assignee_id, ''), count(*) FROM dsars WHERE is_open = 1 GROUP BY 1, 2;`;

export const dsarOpenSchema = `
  CREATE TABLE dsar_open (due_date TEXT NOT NULL, assignee TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (due_date, assignee)) WITHOUT ROWID;
  CREATE TRIGGER dsars_open_in AFTER INSERT ON dsars BEGIN ${openAdd('new')} END;
  CREATE TRIGGER dsars_open_out AFTER DELETE ON dsars BEGIN ${openSubtract('old')} END;
  CREATE TRIGGER dsars_open_moved AFTER UPDATE OF is_open, due_date, assignee_id ON dsars
    WHEN old.is_open IS NOT new.is_open OR old.due_date IS NOT new.due_date OR old.assignee_id IS NOT new.assignee_id
  BEGIN ${openSubtract('old')} ${openAdd('new')} END;
  ${countOpen}
`;

/** After a bulk load: the open requests counted again from the rows. */
export const dsarOpenRebuild = `DELETE FROM dsar_open; ${countOpen}`;
