// Each route declares the roles that may call it (checked before the body is even validated, so an
// anonymous caller learns nothing about the schema); the use case then checks the record's scope.
import type { FastifyRequest } from 'fastify';
import { requireRole, type Role } from '../../services/access.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { ROLE_NAMES } from '../../vocabulary/roles.ts';

export function allow(...roles: Role[]) {
  return {
    preValidation: async (request: FastifyRequest) => {
      requireRole(request.actor, ...roles);
    },
  };
}

/** The roles as a line of the route's OpenAPI description. */
export const who = (...roles: Role[]) => `可调用：${roles.map((r) => ROLE_NAMES[r]).join('、')}`;

/** Runs a use case in one transaction (its errors' field paths are made body paths at the edge, app.ts). */
export function run<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, work);
}
