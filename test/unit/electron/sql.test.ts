import { describe, expect, it } from 'vitest';
import { ident, join, list, sql } from '../../../electron/cache/sql';

describe('sql tagged template', () => {
  it('binds values as parameters, never as text', () => {
    const name = "x'); DROP TABLE dsars; --";
    const statement = sql`SELECT * FROM dsars WHERE subject_name = ${name} AND version > ${2}`;
    expect(statement.text).toBe('SELECT * FROM dsars WHERE subject_name = ? AND version > ?');
    expect(statement.params).toEqual([name, 2]);
  });

  it('splices nested fragments with their parameters in order', () => {
    const where = join([sql`a = ${1}`, sql`b IN (${list(['x', 'y'])})`], ' AND ');
    const statement = sql`SELECT 1 WHERE ${where} LIMIT ${5}`;
    expect(statement.text).toBe('SELECT 1 WHERE a = ? AND b IN (?, ?) LIMIT ?');
    expect(statement.params).toEqual([1, 'x', 'y', 5]);
  });

  it('allows identifiers only from a whitelist', () => {
    expect(ident('due_date', ['due_date', 'received_at']).text).toBe('due_date');
    expect(() => ident('doc; --' as 'due_date', ['due_date'])).toThrow(/not allowed/);
  });
});
