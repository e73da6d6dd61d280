// How long the demo seeding takes, and where (docs/benchmarks.md "The demo seeding, counted in
// queries"): a fresh store migrated on this thread (as `upskill demo` opens it), then seedDemoRegistries,
// with every statement counted by a Kysely plugin and the wall and CPU time of each stage the seeder
// reports (its progress lines). Prints a table stage → statements (by kind) → seconds.
//   node --import tsx bench/demo-seed-time.ts [--people 1200] [--data /tmp/folder]
// Add `--cpu-prof` before `--import` for a CPU profile of the whole seeding.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { seedDemoRegistries } from '../src/demo/seed-demo.ts';
import { migrate, openStore } from '../src/store/database.ts';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '1200' }, data: { type: 'string' }, shapes: { type: 'boolean' } },
});
const people = Number(values.people); // 1200: test/support/demo.ts; 5000: `upskill demo`

interface Stage {
  name: string;
  statements: Map<string, number>;
  wallMs: number;
  cpuMs: number;
}
const stages: Stage[] = [];
let current: Stage = { name: '参考数据', statements: new Map(), wallMs: 0, cpuMs: 0 };
let wall = performance.now();
let cpu = process.cpuUsage();
function close(): void {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  current.wallMs += now - wall;
  current.cpuMs += (used.user + used.system) / 1000;
  wall = now;
  cpu = process.cpuUsage();
  stages.push(current);
}
// With --shapes: statements and rows returned per statement kind × first table, over the whole seeding.
const shapes = new Map<string, { statements: number; rows: number; ms: number }>();
const startedAt = new WeakMap<object, number>();
const labels = new WeakMap<object, string>();
function tableOf(node: Record<string, any>): string {
  const t = node.from?.froms?.[0] ?? node.into ?? node.table ?? node.table?.table;
  const name = t?.table?.identifier?.name ?? t?.node?.table?.identifier?.name ?? t?.identifier?.name ?? t?.table?.table?.identifier?.name;
  return name ?? '?';
}
const counter: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    const kind = args.node.kind.replace(/QueryNode$|Node$/, '').toLowerCase();
    current.statements.set(kind, (current.statements.get(kind) ?? 0) + 1);
    const label = `${current.name} · ${kind} ${tableOf(args.node)}`;
    labels.set(args.queryId, label);
    const s = shapes.get(label) ?? { statements: 0, rows: 0, ms: 0 };
    startedAt.set(args.queryId, performance.now());
    s.statements++;
    shapes.set(label, s);
    return args.node;
  },
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const label = labels.get(args.queryId);
    if (label) {
      const s = shapes.get(label)!;
      s.rows += args.result.rows.length;
      s.ms += performance.now() - (startedAt.get(args.queryId) ?? performance.now());
    }
    return Promise.resolve(args.result);
  },
};

const store = await openStore({ dataDir: values.data, inThread: true });
await migrate(store.db);
wall = performance.now();
cpu = process.cpuUsage();
const load = loadavg()[0]!;
const started = performance.now();
const startCpu = process.cpuUsage();
await seedDemoRegistries(store.db.withPlugin(counter), {
  people,
  progress: (step) => {
    close();
    current = { name: step, statements: new Map(), wallMs: 0, cpuMs: 0 };
  },
});
close();
const seconds = (performance.now() - started) / 1000;
const cpuAll = process.cpuUsage(startCpu);
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
console.log('| stage | statements | of which insert / select / update / raw | wall s | CPU s |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const s of stages) {
  const k = (name: string) => s.statements.get(name) ?? 0;
  console.log(
    `| ${s.name} | ${sum(s.statements).toLocaleString('en')} | ${k('insert')} / ${k('select')} / ${k('update')} / ${k('raw')} | ${(s.wallMs / 1000).toFixed(1)} | ${(s.cpuMs / 1000).toFixed(1)} |`,
  );
}
const total = stages.reduce((a, s) => a + sum(s.statements), 0);
console.log(
  `| **whole demo (${people} people)** | **${total.toLocaleString('en')}** | | **${seconds.toFixed(1)}** | **${((cpuAll.user + cpuAll.system) / 1e6).toFixed(1)}** |`,
);
console.log(
  `load average ${load.toFixed(2)} at the start, ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end`,
);
if (values.shapes) {
  const top = [...shapes.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  for (const [label, s] of top)
    console.log(
      `${(s.ms / 1000).toFixed(1).padStart(6)} s ${String(s.statements).padStart(7)} statements ${String(s.rows).padStart(8)} rows  ${label}`,
    );
}
await store.close();
