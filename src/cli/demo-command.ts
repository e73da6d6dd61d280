// `upskill demo`: fills an empty store with the fictional Panzhihua demo data and prints the logins.
import type { Db } from '../store/database.ts';
import { DEMO_PASSWORD, seedDemoRegistries, storeIsEmpty } from '../demo/seed-demo.ts';
import { DEMO_TODAY } from '../demo/seed-demo-activity.ts';
import { BUSINESS_DATE_SETTING } from '../services/business-date.ts';

import { businessDateAtStart } from './errors.ts';
import { openConfiguredStore, type StoreFlags } from './open-configured-store.ts';
import { CLAIM_STATUS_NAMES, CLASS_STATUS_NAMES } from '../vocabulary/statuses.ts';

export async function seedDemoIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  if (!(await storeIsEmpty(db))) {
    log('数据库中已有数据，未写入演示数据');
    return false;
  }
  const started = Date.now();
  log('正在写入演示数据（虚构的攀枝花：县区、企业、培训机构、劳动者、资金、各角色演示账号、两年的培训班和补贴申领）…');
  const { logins, activity } = await seedDemoRegistries(db, { progress: (step) => log(`  · ${step}`) });
  const counts = (m: Record<string, number>, names: Record<string, string>) =>
    Object.entries(names)
      .map(([k, name]) => `${name} ${m[k] ?? 0}`)
      .join('，');
  log(`  培训班：${counts(activity.classes, CLASS_STATUS_NAMES)}`);
  log(`  补贴申领：${counts(activity.claims, CLAIM_STATUS_NAMES)}`);
  log(`  预置的疑点案例（供风险规则使用，审计日志 demo.planted）：${activity.planted.map((p) => p.id).join('、')}`);
  log(
    `演示数据已写入（${((Date.now() - started) / 1000).toFixed(1)} 秒），截至 ${DEMO_TODAY}；以该日为业务日期运行：${BUSINESS_DATE_SETTING}=${DEMO_TODAY}（npm start 已设置）。演示账号（密码均为 ${DEMO_PASSWORD}）：`,
  );
  for (const l of logins) log(`  ${l.username.padEnd(24)} ${l.who}`);
  return true;
}

export async function demoCommand(flags: StoreFlags): Promise<void> {
  businessDateAtStart();
  const store = await openConfiguredStore(flags, { inThread: true });
  try {
    await seedDemoIfEmpty(store.db, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await store.close();
  }
}
