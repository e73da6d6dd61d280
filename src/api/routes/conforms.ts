// A compile-time tie between a route's response schema and what its handler sends.
//
// The serializer (fastify-type-provider-zod) parses every answer with the route's response schema, and
// a zod object drops keys it does not name: a field the use case returns but the schema forgot vanishes
// from the JSON without any error, and the web page reading it breaks. Fastify's types only check that
// the handler's value is assignable to the schema, which an object with extra keys always is. So each
// route file states, per response schema, `Conforms<UseCase, Schema>` (checked by `npm run typecheck`):
//   1. the value is a valid input of the schema (what the serializer will accept), and
//   2. the schema names every key the use case returns, recursively through objects, arrays and
//      nullables: a key it lacks is an error naming the key's path ("stripped: .items[].traineeName").
// The other direction follows from 1: a key the schema requires and the use case never returns is not
// accepted. A key the schema declares optional may be absent (one view schema serves a list and a page).
// Values typed `unknown` in the schema (a decision trace) are taken as they are.
import type { z } from 'zod';

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;
type ElementsOf<T> = T extends readonly (infer I)[] ? I : never;
type ObjectsOf<T> = T extends Leaf | readonly unknown[] ? never : T extends object ? T : never;
type KeysOf<T> = T extends unknown ? keyof T & string : never;
type PropOf<T, K extends string> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

type ArrayDrift<V, S, P extends string> = [V] extends [never] ? never : [S] extends [never] ? never : Drift<V, S, `${P}[]`>;
type ObjectDrift<V, S, P extends string> = [V] extends [never]
  ? never
  : [S] extends [never]
    ? never
    : { [K in KeysOf<V>]: K extends KeysOf<S> ? Drift<PropOf<V, K>, PropOf<S, K>, `${P}.${K}`> : `stripped: ${P}.${K}` }[KeysOf<V>];

/** The key paths of a value type that a schema type lacks (never when the schema names them all). */
export type Drift<V, S, P extends string = ''> = ArrayDrift<ElementsOf<V>, ElementsOf<S>, P> | ObjectDrift<ObjectsOf<V>, ObjectsOf<S>, P>;

type Sent<T> = T extends (...args: never[]) => infer R ? Awaited<R> : T;

/**
 * `true` when what `Source` sends (a use case's return type, or the value type itself) passes `Schema`
 * and loses no key to it; otherwise a type that names the problem. Use with `Assert`.
 */
export type Conforms<Source, Schema extends z.ZodType> = [Sent<Source>] extends [z.input<Schema>]
  ? [Drift<Sent<Source>, z.input<Schema>>] extends [never]
    ? true
    : { keysDiffer: Drift<Sent<Source>, z.input<Schema>> }
  : { notAccepted: Sent<Source>; schemaTakes: z.input<Schema> };

/** Fails `npm run typecheck` unless its argument is `true`. */
export type Assert<T extends true> = T;
