// Every route group of /api/v1. Each group is one file; add a line here for a new one.
import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth.ts';
import { healthRoutes } from './health.ts';
import { claimRoutes } from './claims.ts';
import { fundRoutes } from './funds.ts';
import { paymentRoutes } from './payments.ts';
import { publicityRoutes } from './publicity.ts';
import { peopleRoutes } from './people.ts';
import { enterpriseRoutes } from './enterprises.ts';
import { providerRoutes } from './providers.ts';
import { catalogRoutes } from './catalog.ts';
import { classRoutes } from './classes.ts';
import { filingRoutes } from './filings.ts';
import { planRoutes } from './plans.ts';
import { projectRoutes } from './projects.ts';
import { riskRoutes } from './risk.ts';
import { supervisionRoutes } from './supervision.ts';
import { reportRoutes } from './reports.ts';

export const registerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(claimRoutes);
  await app.register(publicityRoutes);
  await app.register(fundRoutes);
  await app.register(paymentRoutes);
  await app.register(peopleRoutes);
  await app.register(enterpriseRoutes);
  await app.register(providerRoutes);
  await app.register(catalogRoutes);
  await app.register(classRoutes);
  await app.register(filingRoutes);
  await app.register(planRoutes);
  await app.register(projectRoutes);
  await app.register(riskRoutes);
  await app.register(supervisionRoutes);
  await app.register(reportRoutes);
};
