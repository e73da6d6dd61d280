// A refused request shown where the user can act on it: each problem the server names under its form
// field (all of them when it lists several), anything no field of the form shows as one message.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from './api.ts';

/** `body.sessions[2].day` → ['sessions', 2, 'day'] (the antd name path of the field). */
export const namePath = (field: string): (string | number)[] =>
  field.replace(/^(body|query|params)\./, '').split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The problems of an error: the server's list, or its one named field; the field prefix is dropped from the text. */
function issuesOf(err: ApiError): FieldIssue[] {
  if (err.issues.length) return [...err.issues];
  return err.field ? [{ field: err.field, message: err.message.replace(/^[^:：]*[:：]\s*/, '') }] : [];
}

/**
 * Puts each problem under its field; returns the text for an Alert or dialog when some problem has no
 * field on this form (or the error names none), else null. `fields` lists the form's top-level names
 * when its inputs are not all plain antd inputs (then a mounted instance cannot be asked for).
 */
export function showServerErrors(form: FormInstance, e: unknown, fields?: readonly string[]): string | null {
  const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
  const onForm = (path: (string | number)[]) => (fields ? fields.includes(String(path[0])) : form.getFieldInstance(path as never) !== undefined);
  const placed = issuesOf(err).map((i) => ({ ...i, path: namePath(i.field) })).filter((i) => onForm(i.path));
  if (placed.length) form.setFields(placed.map((i) => ({ name: i.path as never, errors: [i.message] })));
  return placed.length && placed.length === issuesOf(err).length ? null : err.message;
}
