// The app's one date field: shown the Chinese way (2021年3月2日), and a typed ISO day (2021-03-02) is
// read too. antd reads every format of the array and shows the first. Forms keep a dayjs value.
import { DatePicker, type DatePickerProps, type GetProps } from 'antd';
import type { Dayjs } from 'dayjs';

/** How a day is shown (first) and the other ways it may be typed. */
export const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD'];

/** A single day. Takes every DatePicker prop but the format. */
export function DateInput(props: Omit<DatePickerProps<Dayjs, false>, 'format' | 'multiple'>) {
  return <DatePicker {...props} format={DATE_FORMATS} />;
}

/** A span of days (from, to). */
export function DateRangeInput(props: Omit<GetProps<typeof DatePicker.RangePicker>, 'format'>) {
  return <DatePicker.RangePicker {...props} format={DATE_FORMATS} />;
}
