// What the risk forms share: a date field (YYYY-MM-DD to the API), and a server error put next to the
// field it names (or above the form when it names none of the form's fields).
import { Alert, DatePicker, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../api.ts';

export const isoDay = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const today = () => dayjs();

/** A date input with the Chinese format; the form stores a dayjs value (isoDay converts). */
export function DateInput(props: { id?: string; value?: Dayjs; onChange?: (d: Dayjs | null) => void }) {
  return <DatePicker {...props} format="YYYY-MM-DD" placeholder="选择日期" style={{ width: '100%' }} />;
}

/**
 * Shows an API error beside the field it names (`field` is the API's path: 'claimId', 'basis.findingIds[0]' …);
 * returns the message when no field of the form matches, for an alert.
 */
export function showServerError(form: FormInstance, e: unknown, fields: Record<string, string | (string | number)[]>): string | null {
  if (e instanceof ApiError && e.field) {
    const direct = fields[e.field] ?? fields[e.field.replace(/\[\d+\]$/, '').replace(/\.\d+$/, '')];
    if (direct) {
      form.setFields([{ name: direct, errors: [e.message] }]);
      return null;
    }
  }
  return e instanceof ApiError ? e.message : String(e);
}

export function FormError({ message }: { message: string | null }) {
  return message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null;
}
