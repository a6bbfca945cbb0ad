/** A statement and its bound parameters. Values never enter the text; identifiers only through `ident`. */
export interface Sql {
  readonly text: string;
  readonly params: unknown[];
}

const isSql = (value: unknown): value is Sql =>
  typeof value === 'object' && value !== null && 'text' in value && 'params' in value && Array.isArray((value as Sql).params);

/** sql`SELECT * FROM dsars WHERE id = ${id}` → { text: 'SELECT * FROM dsars WHERE id = ?', params: [id] }. Nested Sql is spliced. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

export const empty: Sql = { text: '', params: [] };

export function join(parts: Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}

/** `?, ?, ?` for an IN list. */
export function list(values: readonly unknown[]): Sql {
  return { text: values.map(() => '?').join(', '), params: [...values] };
}

/** An identifier, allowed only when the caller's whitelist names it. */
export function ident<T extends string>(name: T, allowed: readonly T[]): Sql {
  if (!allowed.includes(name)) throw new Error(`identifier not allowed: ${name}`);
  return { text: name, params: [] };
}
