/** A translation of a module's English texts: the same keys, any string values. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
