// Every route of /api/v1 declares the schema of its success answer. The serializer sends only what the
// schema names (docs/api-guide.md, "Response schemas"), the OpenAPI document shows it, and the web's
// types are inferred from it; a route without one sends whatever its handler returns, unchecked.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Assert, Conforms } from '../../src/api/routes/conforms.ts';
import { buildApp } from '../../src/api/app.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const SUCCESS = ['200', '201', '202', '204', '2xx'];

interface Seen {
  route: string;
  declared: boolean;
}

let store: TestStore;
const seen: Seen[] = [];

beforeAll(async () => {
  store = await openTestStore();
  const app = await buildApp(store, {
    onRoute: (r: RouteOptions) => {
      if (!r.url.startsWith('/api/v1/')) return; // the web app's files and the API docs are not API routes
      const response = (r.schema?.response ?? {}) as Record<string, unknown>;
      const declared = Object.keys(response).some((status) => SUCCESS.includes(status));
      for (const method of [r.method].flat()) {
        if (method === 'HEAD') continue; // Fastify's automatic HEAD twin of a GET
        seen.push({ route: `${method} ${r.url}`, declared });
      }
    },
  });
  await app.close();
}, 60_000);
afterAll(() => store?.close());

describe('every API route declares its success response', () => {
  it('finds the routes (the hook saw the real app)', () => {
    expect(seen.length).toBeGreaterThan(200);
  });

  it('each route has a schema for its 2xx answer', () => {
    const offenders = seen.filter((s) => !s.declared).map((s) => s.route);
    expect(offenders, `these routes answer without a response schema:\n${offenders.join('\n')}`).toEqual([]);
  });
});

// The compile-time half (conforms.ts), by example: `npm run typecheck` fails if a line expected to be
// an error stops being one, so the guard itself cannot quietly stop guarding.
interface View {
  id: string;
  name: string | null;
  lines: { amountFen: number; payee: string }[];
  note?: string;
}
const ZView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  lines: z.array(z.object({ amountFen: z.number(), payee: z.string() })),
  note: z.string().optional(),
});
const ZWithoutName = ZView.omit({ name: true });
const ZLinesWithoutPayee = ZView.extend({ lines: z.array(z.object({ amountFen: z.number() })) });
const ZWithoutNote = ZView.omit({ note: true });
const ZNameAsNumber = ZView.extend({ name: z.number().nullable() });
const ZWithRequiredExtra = ZView.extend({ status: z.string() });
const viewOf = async (): Promise<View> => ({ id: 'x', name: null, lines: [] });
export type GuardExamples = [
  Assert<Conforms<View, typeof ZView>>,
  Assert<Conforms<typeof viewOf, typeof ZView>>, // a use case: what its promise resolves to
  // @ts-expect-error a key the schema lacks would be stripped from the answer
  Assert<Conforms<View, typeof ZWithoutName>>,
  // @ts-expect-error so would a key of the objects inside a list
  Assert<Conforms<View, typeof ZLinesWithoutPayee>>,
  // @ts-expect-error and an optional key
  Assert<Conforms<View, typeof ZWithoutNote>>,
  // @ts-expect-error a value the schema does not accept (the answer would be a 500)
  Assert<Conforms<View, typeof ZNameAsNumber>>,
  // @ts-expect-error a key the schema requires and the use case never sends
  Assert<Conforms<View, typeof ZWithRequiredExtra>>,
];
