import type { en } from './en';

/** The shape every language's catalog has: English's keys, any words. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalog = Shape<typeof en>;

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** Every key a text can be asked for, dotted (`waysIn.confirmOpen`); a plural key without its suffix. */
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type TextKey = Keys<typeof en>;

/** Values a text fills in; `count` also picks a plural form. */
export type TextParams = Record<string, string | number>;
