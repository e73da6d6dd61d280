// The browser's Chinese names for workflow codes mirror the server's own tables (the bundle holds no
// server code, so they are copies): a status or role added on one side and not the other fails here.
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/policy/codes.ts';
import { ROLE_NAMES } from '../../src/services/access.ts';
import { STATUS_NAMES } from '../../src/services/claims/claim-states.ts';
import { CLASS_STATUS_NAMES } from '../../src/services/classes/class-status.ts';
import { PROVIDER_KIND_NAMES, PROVIDER_STATUS_NAMES } from '../../src/services/providers/provider-status.ts';
import { AREAS } from '../../src/store/seed/reference-data.ts';
import * as web from '../../web/src/labels.ts';

describe('The web app names every code the way the server does', () => {
  it('roles', () => expect(web.ROLE_NAMES).toEqual(ROLE_NAMES));
  it('claim statuses', () => expect(web.CLAIM_STATUS_NAMES).toEqual(STATUS_NAMES));
  it('class statuses', () => expect(web.CLASS_STATUS_NAMES).toEqual(CLASS_STATUS_NAMES));
  it('provider kinds and statuses', () => {
    expect(web.PROVIDER_KIND_NAMES).toEqual(PROVIDER_KIND_NAMES);
    expect(web.PROVIDER_STATUS_NAMES).toEqual(PROVIDER_STATUS_NAMES);
  });
  it('the city and its five county areas', () => expect(web.AREA_NAMES).toEqual(Object.fromEntries(AREAS.map((a) => [a.code, a.name]))));
  it('every decision outcome has a Chinese name', () => expect(Object.keys(web.OUTCOME_NAMES).sort()).toEqual([...OUTCOMES].sort()));
});
