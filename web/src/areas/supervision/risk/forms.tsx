// What the risk forms share: a date field (YYYY-MM-DD to the API) and the error above a form (server
// errors go beside their field through web/src/form-errors.ts).
import { Alert } from 'antd';
import { type Dayjs } from 'dayjs';
import { useBusinessDate } from '../../../business-date.tsx';
import { DateInput as Day } from '../../../date-input.tsx';

export const isoDay = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * A date input with the Chinese format; the form stores a dayjs value (isoDay converts). The risk forms
 * record what has happened (an inspection, an evaluation, a sanction): no day after the business date.
 */
export function DateInput(props: { id?: string; value?: Dayjs; onChange?: (d: Dayjs | null) => void }) {
  const { afterToday } = useBusinessDate();
  return <Day {...props} placeholder="选择日期" style={{ width: '100%' }} disabledDate={afterToday} />;
}

export function FormError({ message }: { message: string | null }) {
  return message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null;
}
