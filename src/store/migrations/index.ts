// Forward-only migrations, in order. A migration is never edited once released: add a new one.
import type { Migration } from 'kysely/migration';
import * as initialSchema from './2026-11-25T0900-initial-schema.ts';
import * as registriesClasses from './2026-11-25T1001-registries-classes.ts';
import * as claimsMoney from './2026-11-25T1002-claims-money.ts';
import * as risk from './2026-11-25T1100-risk.ts';
import * as parties from './2026-11-25T1220-parties.ts';
import * as admin from './2026-11-25T1230-admin.ts';
import * as supervision from './2026-11-25T1240-supervision.ts';
import * as claimPeriodTotals from './2026-11-25T1250-claim-period-totals.ts';
import * as headcounts from './2026-11-25T1260-headcounts.ts';
import * as moneyControls from './2026-12-06T1020-money-controls.ts';
import * as publicityBusinessDates from './2026-12-06T1030-publicity-business-dates.ts';
import * as loginThrottle from './2026-12-06T1040-login-throttle.ts';
import * as factsInTime from './2026-12-06T1060-facts-in-time.ts';
import * as whatIfJobs from './2026-12-06T1080-what-if-jobs.ts';
import * as recordNumbers from './2026-12-06T1220-record-numbers.ts';
import * as attendanceSignin from './2026-12-06T1400-attendance-signin.ts';
import * as bankPayments from './2026-12-06T1410-bank-payments.ts';
import * as certificateRegistry from './2026-12-06T1420-certificate-registry.ts';
import * as registryExchange from './2026-12-06T1700-registry-exchange.ts';
import * as onlineLearning from './2026-12-06T1710-online-learning.ts';
import * as openClasses from './2026-12-06T1720-open-classes.ts';
import * as attachmentsSmsSignin from './2026-12-06T1730-attachments-sms-signin.ts';
import * as certificateRevocation from './2026-12-06T2100-certificate-revocation.ts';
import * as exchangeEvidence from './2026-12-06T2130-exchange-evidence.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25T0900-initial-schema': initialSchema,
  '2026-11-25T1001-registries-classes': registriesClasses,
  '2026-11-25T1002-claims-money': claimsMoney,
  '2026-11-25T1100-risk': risk,
  '2026-11-25T1220-parties': parties,
  '2026-11-25T1230-admin': admin,
  '2026-11-25T1240-supervision': supervision,
  '2026-11-25T1250-claim-period-totals': claimPeriodTotals,
  '2026-11-25T1260-headcounts': headcounts,
  '2026-12-06T1020-money-controls': moneyControls,
  '2026-12-06T1030-publicity-business-dates': publicityBusinessDates,
  '2026-12-06T1040-login-throttle': loginThrottle,
  '2026-12-06T1060-facts-in-time': factsInTime,
  '2026-12-06T1080-what-if-jobs': whatIfJobs,
  '2026-12-06T1220-record-numbers': recordNumbers,
  '2026-12-06T1400-attendance-signin': attendanceSignin,
  '2026-12-06T1410-bank-payments': bankPayments,
  '2026-12-06T1420-certificate-registry': certificateRegistry,
  '2026-12-06T1700-registry-exchange': registryExchange,
  '2026-12-06T1710-online-learning': onlineLearning,
  '2026-12-06T1720-open-classes': openClasses,
  '2026-12-06T1730-attachments-sms-signin': attachmentsSmsSignin,
  '2026-12-06T2100-certificate-revocation': certificateRevocation,
  '2026-12-06T2130-exchange-evidence': exchangeEvidence,
};
