// Every route of /api/v1 declares the schema of its success answer. The serializer sends only what the
// schema names (docs/api-guide.md, "Response schemas"), the OpenAPI document shows it, and the web's
// types are inferred from it; a route without one sends whatever its handler returns, unchecked.
import { readdirSync, readFileSync } from 'node:fs';
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

// The tie is a line per schema, and a line is easy to forget: read the route files' text and name each
// success schema that no `Conforms<…, typeof X>` of its file covers. A schema written inline cannot be
// named by a tie (nor imported by the web), so it must be a named schema of the `.types.ts` file; one
// that truly has no value to tie (a file's bytes) says why in a comment `// X is not tied: <why>`.
const ROUTES_DIR = new URL('../../src/api/routes/', import.meta.url);

/** The text of each `response: { … }` object of a route file (balanced braces). */
function responseBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const m of text.matchAll(/response:\s*\{/g)) {
    let depth = 0;
    const start = m.index + m[0].length - 1;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '{' || text[i] === '(' || text[i] === '[') depth++;
      else if (text[i] === '}' || text[i] === ')' || text[i] === ']') depth--;
      if (depth === 0) {
        blocks.push(text.slice(start + 1, i));
        break;
      }
    }
  }
  return blocks;
}

/** The success entries of a response object: status and the expression after it, split at top-level commas. */
function successEntries(block: string): { status: string; schema: string }[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === '}' || c === ')' || c === ']' || c === '>') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(block.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(block.slice(from));
  return parts
    .map((p) => /^\s*(2\d\d)\s*:\s*([\s\S]*?)\s*$/.exec(p))
    .filter((m) => m !== null)
    .map((m) => ({ status: m[1]!, schema: m[2]! }));
}

function untiedSchemas(): string[] {
  const out: string[] = [];
  const files = readdirSync(ROUTES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.types.ts'));
  for (const file of files) {
    const text = readFileSync(new URL(file, ROUTES_DIR), 'utf8');
    for (const block of responseBlocks(text)) {
      for (const { status, schema } of successEntries(block)) {
        if (!/^[A-Za-z_$][\w$]*$/.test(schema)) {
          out.push(`${file}: ${status} is written inline (${schema.slice(0, 40)}…): name it in the .types.ts file`);
        } else if (!new RegExp(`typeof ${schema}\\s*>`).test(text) && !text.includes(`// ${schema} is not tied: `)) {
          out.push(`${file}: ${schema} (${status}) has no Assert<Conforms<…, typeof ${schema}>> line`);
        }
      }
    }
  }
  return out;
}

describe('every response schema is tied to what its handler sends', () => {
  it('reads the route files (a parser that sees nothing proves nothing)', () => {
    const files = readdirSync(ROUTES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.types.ts'));
    const entries = files.flatMap((f) => responseBlocks(readFileSync(new URL(f, ROUTES_DIR), 'utf8')).flatMap(successEntries));
    expect(entries.length).toBeGreaterThan(200);
  });

  it('names each success schema in a Conforms line of its route file, or says why it cannot', () => {
    const untied = untiedSchemas();
    expect(untied, `these response schemas are not tied to a use case:\n${untied.join('\n')}`).toEqual([]);
  });
});
