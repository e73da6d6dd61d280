// The claim form sends, for every program an enterprise or an individual may claim, a body the
// server's own schema accepts, with only that program's facts; a fact left empty is sent as unknown
// (null), never as false or zero.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ZSubmitClaimRequest } from '../../src/api/routes/claims.types.ts';
import {
  claimBody,
  ENTERPRISE_PROGRAMS,
  INDIVIDUAL_PROGRAMS,
  PROGRAM_FORMS,
  type Values,
} from '../../web/src/areas/enterprise/claim-programs.ts';

const PERSON = '510402198503120014';
const EMPLOYER = '91510400MA6X000216';
const full = (program: string): Values => ({
  program,
  residentId: PERSON,
  enterpriseUscc: EMPLOYER,
  period: [dayjs('2020-03-02'), dayjs('2020-06-30')],
  occupationCode: '6-16-01-03',
  level: '4',
  attendedHours: 40,
  attendedDays: 10,
  qualified: 'yes',
  certificate: { type: PROGRAM_FORMS[program]!.certificates?.[0], number: 'Z-1' },
  newHire: 'yes',
  contractMonths: 24,
  apprenticeshipPlanId: 'AP-1',
  insuredMonths: 6,
  trainingClaimId: 'CL-1',
  entrepreneurshipType: 'SYB',
  providerId: 'P001',
  classId: 'C-1',
});

describe("The claim form's request body", () => {
  it.each([...ENTERPRISE_PROGRAMS])("an enterprise's %s claim: accepted by the server schema, in the enterprise's name", (program) => {
    const body = claimBody(full(program), PROGRAM_FORMS[program]!, { enterpriseUscc: EMPLOYER });
    expect(ZSubmitClaimRequest.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ program, residentId: PERSON, enterpriseUscc: EMPLOYER, startDate: '2020-03-02', endDate: '2020-06-30' });
  });

  it.each([...INDIVIDUAL_PROGRAMS])("an individual's %s claim: accepted, always in their own name", (program) => {
    const body = claimBody({ ...full(program), residentId: 'someone else' }, PROGRAM_FORMS[program]!, { residentId: PERSON });
    expect(ZSubmitClaimRequest.safeParse(body).error).toBeUndefined();
    expect(body.residentId).toBe(PERSON);
    // Only §4.2 names an employer (R11); §4.6, §4.7 and the appraisal subsidy do not.
    expect(body.enterpriseUscc).toBe(program === 'skill_upgrade' ? EMPLOYER : null);
  });

  it("sends only the chosen program's facts: a §4.3 claim carries attended hours but no contract or insured months", () => {
    const body = claimBody(full('short_term'), PROGRAM_FORMS.short_term!, { enterpriseUscc: EMPLOYER });
    expect(body).toHaveProperty('attendedHours', 40);
    expect(body).not.toHaveProperty('contractMonths');
    expect(body).not.toHaveProperty('insuredMonths');
  });

  it('a fact left empty is unknown (null), never false or zero', () => {
    const body = claimBody(
      { program: 'pre_job', residentId: PERSON, period: [dayjs('2020-03-02'), dayjs('2020-03-20')] },
      PROGRAM_FORMS.pre_job!,
      { enterpriseUscc: EMPLOYER },
    );
    expect(body).toMatchObject({ newHire: null, contractMonths: null, qualified: null, certificate: null });
    expect(ZSubmitClaimRequest.safeParse(body).error).toBeUndefined();
  });

  it('a certificate answered 无证书 is sent as none, even when a type was picked before the answer changed', () => {
    const body = claimBody({ ...full('skill_upgrade'), certificateHeld: 'no' }, PROGRAM_FORMS.skill_upgrade!, { enterpriseUscc: EMPLOYER });
    expect(body).toHaveProperty('certificate', null);
    const held = claimBody({ ...full('skill_upgrade'), certificateHeld: 'yes' }, PROGRAM_FORMS.skill_upgrade!, {
      enterpriseUscc: EMPLOYER,
    });
    expect(held.certificate).toMatchObject({ number: 'Z-1' });
  });
});
