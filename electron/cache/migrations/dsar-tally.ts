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
