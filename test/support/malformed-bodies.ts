// Bodies broken in exactly one place, for the property tests that post malformed input to write routes:
// a field dropped, a field of the wrong type, an unknown field added, or not an object at all.
import fc from 'fast-check';

/** A write route's valid body and the fields it cannot do without. */
export interface WriteRoute {
  valid: Record<string, unknown>;
  required: string[];
}

/** A value no field of these routes accepts (a nested object is never a string, number, boolean or date). */
const wrongValue = fc.oneof(
  fc.record({ nested: fc.oneof(fc.string(), fc.integer()) }),
  fc.array(fc.record({ x: fc.integer() }), { minLength: 1, maxLength: 3 }),
);

export type Breakage =
  | { kind: 'drop'; field: string }
  | { kind: 'wrong'; field: string; value: unknown }
  | { kind: 'extra'; field: string; value: unknown }
  | { kind: 'body'; value: unknown };

export function breakageFor(route: WriteRoute): fc.Arbitrary<Breakage> {
  const fields = Object.keys(route.valid);
  const options: fc.Arbitrary<Breakage>[] = [
    fc.record({ kind: fc.constant('wrong' as const), field: fc.constantFrom(...fields), value: wrongValue }),
    fc.record({
      kind: fc.constant('extra' as const),
      field: fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in route.valid) && !['__proto__', 'constructor'].includes(k)),
      value: fc.jsonValue(),
    }),
    fc.record({
      kind: fc.constant('body' as const),
      value: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.boolean()),
    }),
  ];
  if (route.required.length) options.push(fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom(...route.required) }));
  return fc.oneof(...options);
}

/** The route's valid body with the one breakage applied. */
export function broken(route: WriteRoute, b: Breakage): unknown {
  if (b.kind === 'body') return b.value;
  const body: Record<string, unknown> = { ...route.valid };
  if (b.kind === 'drop') delete body[b.field];
  else body[b.field] = b.value;
  return body;
}
