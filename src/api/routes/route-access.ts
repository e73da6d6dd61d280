// Each route declares the roles that may call it (checked before the body is even validated, so an
// anonymous caller learns nothing about the schema); the use case then checks the record's scope.
import type { FastifyRequest } from 'fastify';
import { requireRole, ROLE_NAMES, type Role } from '../../services/access.ts';
import { AppError } from '../../services/app-error.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';

export function allow(...roles: Role[]) {
  return {
    preValidation: async (request: FastifyRequest) => { requireRole(request.actor, ...roles); },
  };
}

/** The roles as a line of the route's OpenAPI description. */
export const who = (...roles: Role[]) => `可调用：${roles.map((r) => ROLE_NAMES[r]).join('、')}`;

/**
 * Runs a use case in one transaction. Use cases name fields relative to their input (`residentId`,
 * `trainees[2].residentId`); at the HTTP edge those are body fields, named as the validator names
 * them (`body.residentId`), so every error of a route speaks the same paths.
 */
export async function run<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(db, work);
  } catch (e) {
    if (e instanceof AppError && e.field && (e.code === 'invalid_input' || e.code === 'conflict') && !/^(body|query|params)\b/.test(e.field)) {
      const field = `body.${e.field}`;
      const message = e.message.startsWith(`${e.field}:`) ? `body.${e.message}` : e.message;
      throw new AppError(e.code, message, field, e.details);
    }
    throw e;
  }
}
