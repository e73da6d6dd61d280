// A provider (or the HR office for it) drafts a class application.
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { checkClassApplication, writeClassApplication, type ClassApplication } from './class-application.ts';
import { getClass, type ClassView } from './get-class.ts';

export async function createClass(tx: Tx, actor: Actor | null, input: ClassApplication): Promise<ClassView> {
  return getClass(tx, actor, await createClassOnly(tx, actor, input));
}

/** createClass without reading the class's view back (its id only): for a load that shows nothing (the demo). */
export async function createClassOnly(tx: Tx, actor: Actor | null, input: ClassApplication): Promise<string> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  await checkClassApplication(tx, a, input);
  const id = newUuid();
  await writeClassApplication(tx, a, id, input, true);
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.create',
    entity: 'class',
    entityId: id,
    data: { providerId: input.providerId, program: input.program, startDate: input.startDate, trainees: input.trainees.length },
  });
  return id;
}
