// A refused request shown where the user can act on it: each problem the server names under its form
// field (all of them when it lists several), anything no field of the form shows as one message.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from './api.ts';

/** `body.sessions[2].day` → ['sessions', 2, 'day'] (the antd name path of the field). */
export const namePath = (field: string): (string | number)[] =>
  field
    .replace(/^(body|query|params)\./, '')
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** `body.hours: 须为正整数` → `须为正整数`; a message that does not start with its field stays whole. */
function withoutField(message: string, field: string): string {
  for (const prefix of [field, field.replace(/^(body|query|params)\./, '')]) {
    if (message.startsWith(prefix) && /^\s*[:：]/.test(message.slice(prefix.length)))
      return message.slice(prefix.length).replace(/^\s*[:：]\s*/, '');
  }
  return message;
}

/** The problems of an error: the server's list, or its one named field; the field prefix is dropped from the text. */
function issuesOf(err: ApiError): FieldIssue[] {
  if (err.issues.length) return [...err.issues];
  return err.field ? [{ field: err.field, message: withoutField(err.message, err.field) }] : [];
}

/** Where a form shows the server's fields: its top-level names, or the server's field paths (without
 *  `body.` and a trailing index) mapped to the form's names. */
export type FormFields = readonly string[] | Readonly<Record<string, string | (string | number)[]>>;

/**
 * Puts each problem under its field; returns the text for an Alert or dialog when some problem has no
 * field on this form (or the error names none), else null. Without `fields` a problem goes to the
 * field whose antd input is mounted at its path; give `fields` when the inputs are not all plain antd
 * inputs, or when the form names a field differently from the server.
 */
export function showServerErrors(form: FormInstance, e: unknown, fields?: FormFields): string | null {
  const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
  const issues = issuesOf(err);
  const placed = issues.flatMap((i) => {
    const name = formName(form, i.field, fields);
    return name ? [{ name, errors: [i.message] }] : [];
  });
  if (placed.length) form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
  return placed.length && placed.length === issues.length ? null : err.message;
}

function formName(form: FormInstance, field: string, fields: FormFields | undefined): (string | number)[] | string | null {
  const path = namePath(field);
  if (!fields) return form.getFieldInstance(path as never) !== undefined ? path : null;
  if (Array.isArray(fields)) return fields.includes(String(path[0])) ? path : null;
  const key = field.replace(/^(body|query|params)\./, '');
  const mapped = fields as Record<string, string | (string | number)[]>;
  return mapped[key] ?? mapped[key.replace(/\[\d+\]$/, '').replace(/\.\d+$/, '')] ?? null;
}

/**
 * The form's values once every field is valid. When one is not, antd rejects with its field errors,
 * which the form already shows beside the fields: that is an answer, not a failure, so the promise
 * then never settles (no uncaught rejection); any other error is passed on.
 */
export function validFields<T>(form: { validateFields(): Promise<T> }): Promise<T> {
  return form.validateFields().catch((e: unknown) => {
    if (e !== null && typeof e === 'object' && 'errorFields' in e) return new Promise<T>(() => {});
    throw e;
  });
}
