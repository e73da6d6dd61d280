import { migrate } from '../store/database.ts';
import { openConfiguredStore, type StoreFlags } from './open-configured-store.ts';

export async function migrateCommand(flags: StoreFlags): Promise<void> {
  const store = await openConfiguredStore(flags, { migrate: false });
  try {
    const applied = await migrate(store.db);
    process.stdout.write(applied.length ? `已应用迁移：\n${applied.map((m) => `  ${m}`).join('\n')}\n` : '数据库已是最新结构\n');
  } finally {
    await store.close();
  }
}
