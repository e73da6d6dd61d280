// The header's search by record number (SQ-…, BJ-…, GS-…, BF-…, BA-…, XT-…, XM-…, BM-…, YY-…): asks the server
// (GET /records/:number, within the user's scope) and opens the record's page. A number outside the
// user's scope reads "未找到" exactly like one never issued.
import type { TRecordLookup } from '../../../src/api/routes/records.types.ts';
import { Input, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api.ts';

export function RecordSearch() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const search = async (typed: string) => {
    const number = typed.trim();
    if (!number || busy) return;
    setBusy(true);
    try {
      const r = await api<TRecordLookup>(`/records/${encodeURIComponent(number)}`);
      if (r.path) {
        setValue('');
        // The phone pages (/enrol, /learn) are entries of their own, outside this app's router.
        if (/^\/(enrol|learn)(\/|$)/.test(r.path)) window.location.assign(r.path);
        else navigate(r.path);
      } else {
        message.info(`${r.kindName} ${r.number} 在您的办理范围内，但您的菜单中没有它的详情页面`);
      }
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Input.Search
      aria-label="按编号查找"
      placeholder="按编号查找，如 SQ-2021-510402-000001"
      allowClear
      maxLength={40}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(v) => void search(v)}
      loading={busy}
      style={{ width: 300 }}
      data-testid="record-search"
    />
  );
}
