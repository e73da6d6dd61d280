// `upskill audit verify`: walks the hash chain; exit 0 when intact, 1 naming the first broken entry.
import { verifyAuditChain } from '../store/audit-log.ts';
import { openConfiguredStore, type StoreFlags } from './open-configured-store.ts';

const PROBLEMS = {
  altered: '内容被篡改',
  removed: '被删除（序号缺失）',
  relinked: '链接的前一条哈希不符',
} as const;

export async function auditVerifyCommand(flags: StoreFlags): Promise<number> {
  const store = await openConfiguredStore(flags);
  try {
    const verdict = await verifyAuditChain(store.db);
    if (verdict.ok) {
      process.stdout.write(`审计日志完整：共 ${verdict.entries} 条，哈希链校验通过\n`);
      return 0;
    }
    process.stderr.write(`审计日志被破坏：第 ${verdict.seq} 条${PROBLEMS[verdict.problem]}（此前 ${verdict.entries} 条校验通过）\n`);
    return 1;
  } finally {
    await store.close();
  }
}
