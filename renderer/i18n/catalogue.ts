type Deep<T> = { [K in keyof T]: T[K] extends string ? string : Deep<T[K]> };

/** A translation of a reference catalogue: every key of it, strings for strings. */
export type Catalogue<T> = Deep<T>;
