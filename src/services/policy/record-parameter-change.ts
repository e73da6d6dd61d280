// The city records a dated change of a policy parameter: a new local package of higher precedence
// (the governing package with the value re-cut), stored in policy_packages with the change's record.
// The engine reads the packages on record at each decision, so claims decided afterwards use it;
// decisions already frozen keep theirs (each names its package).
import { PolicySet } from '../../policy/policy-package.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { lockInSchema } from '../../store/schema-lock.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { changeView, type PolicyChangeView } from './list-policy-parameters.ts';
import { packagesOnRecord, packageWithChange, policySetWith, topPackage, type ParameterChange } from './parameter-change.ts';

export interface RecordParameterChangeInput extends ParameterChange {
  reason: string;
}

/** Serialises recorders: two changes must not both build on the same governing package. */
const POLICY_LOCK_KEY = 7_203_612;

export async function recordParameterChange(tx: Tx, actor: Actor | null, input: RecordParameterChangeInput): Promise<PolicyChangeView> {
  const a = requireRole(actor, 'city');
  await lockInSchema(tx, POLICY_LOCK_KEY);
  const raws = await packagesOnRecord(tx);
  const base = topPackage(new PolicySet(raws));
  const seq =
    Number(
      (
        await tx
          .selectFrom('policy_changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) + 1;
  const changeId = `PC-${String(seq).padStart(4, '0')}`;
  const packageId = `local-${String(seq).padStart(4, '0')}`;
  const precedence = Math.max(...raws.map((r) => (r as { precedence: number }).precedence)) + 1;
  const description = base.parameters[input.parameter]?.description ?? input.parameter;
  const pkg = packageWithChange(base, input, packageId, `市人社局参数调整 ${changeId}：${description}`, precedence);
  policySetWith(raws, pkg); // refused here (400) if the engine would refuse the set
  const exists = await tx.selectFrom('policy_packages').select('id').where('id', '=', packageId).executeTakeFirst();
  if (exists) throw new AppError('conflict', `政策包 ${packageId} 已存在`);
  const by = actorLabel(a);
  await tx
    .insertInto('policy_packages')
    .values({ id: packageId, title: pkg.title, precedence, data: JSON.stringify(pkg), created_by: by })
    .execute();
  const row = await tx
    .insertInto('policy_changes')
    .values({
      id: changeId,
      package_id: packageId,
      base_package_id: base.id,
      parameter: input.parameter,
      value: JSON.stringify(input.value),
      valid_from: input.validFrom,
      valid_to: input.validTo,
      reason: input.reason,
      created_by: by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: by,
    action: 'policy.change',
    entity: 'policy_package',
    entityId: packageId,
    data: {
      changeId,
      basePackage: base.id,
      parameter: input.parameter,
      value: input.value,
      validFrom: input.validFrom,
      validTo: input.validTo,
      precedence,
      reason: input.reason,
    },
  });
  return changeView(row);
}
