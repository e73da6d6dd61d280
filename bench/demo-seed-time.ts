// How long the demo seeding takes (docs/attachments.md "The demo"): a fresh in-memory store, migrated,
// then seedDemoRegistries with the tests' demo size, timed; the attachments it uploaded are counted.
//   node --import tsx bench/demo-seed-time.ts
import { loadavg } from 'node:os';
import { seedDemoRegistries } from '../src/demo/seed-demo.ts';
import { migrate, openStore } from '../src/store/database.ts';
const TEST_DEMO_PEOPLE = 1200; // test/support/demo.ts

const store = await openStore({});
await migrate(store.db);
const started = performance.now();
await seedDemoRegistries(store.db, { people: TEST_DEMO_PEOPLE });
const seconds = (performance.now() - started) / 1000;
const n = await store.db
  .selectFrom('attachments')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(
  `demo seeded in ${seconds.toFixed(1)} s; ${Number(n.n)} attachments; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await store.close();
