// Every route group of /api/v1. Each group is one file; add a line here for a new one.
import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth.ts';
import { healthRoutes } from './health.ts';

export const registerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
};
