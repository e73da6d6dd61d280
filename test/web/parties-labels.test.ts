// The parties' screens name every code of their records the way the server does.
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../src/services/access.ts';
import { DISPUTE_STATUSES } from '../../src/services/disputes/list-disputes.ts';
import { DISPUTE_FINDINGS } from '../../src/services/disputes/resolve-dispute.ts';
import { NOTE_KINDS } from '../../src/services/oversight/note-scope.ts';
import { PLAN_STATUS_NAMES } from '../../src/services/plans/plan-status.ts';
import * as web from '../../web/src/labels.ts';

describe("The parties' screens name every code the way the server does", () => {
  it('dispute statuses and findings', () => {
    expect(Object.keys(web.DISPUTE_STATUS_NAMES).sort()).toEqual([...DISPUTE_STATUSES].sort());
    expect(Object.keys(web.DISPUTE_FINDING_NAMES).sort()).toEqual([...DISPUTE_FINDINGS].sort());
  });
  it('note kinds', () => expect(Object.keys(web.NOTE_KIND_NAMES).sort()).toEqual([...NOTE_KINDS].sort()));
  it('apprenticeship plan statuses', () => expect(web.PLAN_STATUS_NAMES).toEqual(PLAN_STATUS_NAMES));
  it('departments', () => expect(web.DEPARTMENT_NAMES).toEqual(DEPARTMENTS));
});
