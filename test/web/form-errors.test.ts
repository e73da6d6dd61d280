// A refused request on a form: every problem the server lists goes under its field; what no field of
// the form shows comes back as one message (web/src/form-errors.ts).
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api.ts';
import { namePath, showServerErrors } from '../../web/src/form-errors.ts';

/** A form with these mounted fields (name paths joined by '.'), recording what is set on it. */
function fakeForm(mounted: string[]) {
  const set: { name: unknown; errors: string[] }[] = [];
  const form = {
    getFieldInstance: (path: (string | number)[]) => (mounted.includes(path.join('.')) ? {} : undefined),
    setFields: (fields: { name: unknown; errors: string[] }[]) => set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

describe('Server errors on a form', () => {
  it("reads a field path as the form's name path", () => {
    expect(namePath('body.sessions[2].day')).toEqual(['sessions', 2, 'day']);
    expect(namePath('query.year')).toEqual(['year']);
  });

  it('puts every listed problem under its field, and leaves no message when all are shown', () => {
    const { form, set } = fakeForm(['hours', 'sessions.0.day']);
    const err = new ApiError(400, 'invalid_input', 'body.hours: 须为正整数', 'body.hours', [
      { field: 'body.hours', message: '须为正整数' },
      { field: 'body.sessions[0].day', message: '不是有效日期' },
    ]);
    expect(showServerErrors(form, err)).toBeNull();
    expect(set).toEqual([
      { name: ['hours'], errors: ['须为正整数'] },
      { name: ['sessions', 0, 'day'], errors: ['不是有效日期'] },
    ]);
  });

  it('returns the message when a problem has no field on this form, still marking those that do', () => {
    const { form, set } = fakeForm(['hours']);
    const err = new ApiError(400, 'invalid_input', 'body.hours: 须为正整数', 'body.hours', [
      { field: 'body.hours', message: '须为正整数' },
      { field: 'body.providerId', message: '不存在' },
    ]);
    expect(showServerErrors(form, err)).toBe('body.hours: 须为正整数');
    expect(set).toEqual([{ name: ['hours'], errors: ['须为正整数'] }]);
  });

  it('shows a single named field without the path in front; by a list of names when given', () => {
    const { form, set } = fakeForm([]);
    expect(showServerErrors(form, new ApiError(409, 'conflict', 'body.number: 证书编号已登记', 'body.number'), ['number'])).toBeNull();
    expect(set).toEqual([{ name: ['number'], errors: ['证书编号已登记'] }]);
  });

  it("keeps a message that does not start with its field whole, and maps the server's field names to the form's", async () => {
    const { form, set } = fakeForm([]);
    expect(showServerErrors(form, new ApiError(404, 'not_found', '没有找到申领：C-1', 'claimId'), { claimId: 'claimId' })).toBeNull();
    expect(
      showServerErrors(form, new ApiError(400, 'invalid_input', 'basis.findingIds[0]: 不存在', 'basis.findingIds[0]'), {
        'basis.findingIds': 'findingIds',
      }),
    ).toBeNull();
    expect(showServerErrors(form, new ApiError(400, 'invalid_input', 'body.seed: 须为整数', 'body.seed'), { areaCode: 'areaCode' })).toBe(
      'body.seed: 须为整数',
    );
    expect(set).toEqual([
      { name: 'claimId', errors: ['没有找到申领：C-1'] },
      { name: 'findingIds', errors: ['不存在'] },
    ]);
  });

  it('returns the text of an error naming no field, and of anything that is not an ApiError', () => {
    const { form, set } = fakeForm(['hours']);
    expect(showServerErrors(form, new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))).toBe('无法连接服务器，请检查网络后重试');
    expect(showServerErrors(form, new Error('boom'))).toBe('Error: boom');
    expect(set).toEqual([]);
  });
});
