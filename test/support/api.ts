// An app on a fresh store, and logging in as a user, for API tests (fastify inject, no network).
import type { FastifyInstance } from 'fastify';
import { buildApp, SESSION_COOKIE } from '../../src/api/app.ts';
import type { Store } from '../../src/store/database.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { seedUser, type NewUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestStore } from './store.ts';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function openTestApp(): Promise<TestApp> {
  const store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  const app = await buildApp(store);
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Creates the user (password "test-password") and returns a cookie header value for its session. */
export async function sessionFor(t: TestApp, user: Omit<NewUser, 'password'>): Promise<string> {
  await inTransaction(t.store.db, (tx) => seedUser(tx, { ...user, password: 'test-password' }));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: 'test-password' },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  return `${SESSION_COOKIE}=${cookie.value}`;
}
