// /projects: §4.9 project-based training contracts (公开招标 / 比选; per-trainee price, count, total).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createProject } from '../../services/projects/create-project.ts';
import { listProjects } from '../../services/projects/list-projects.ts';
import { allow, run, who } from './route-access.ts';
import { ZCreateProjectRequest, ZListProjectsQuery, ZProjectViewPage, ZProjectView } from './projects.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: '项目制培训项目列表',
        description: who('city', 'county', 'provider', 'department'),
        querystring: ZListProjectsQuery,
        response: { 200: ZProjectViewPage },
      },
      ...allow('city', 'county', 'provider', 'department'),
    },
    (req) => run(db, (tx) => listProjects(tx, req.actor, req.query)),
  );
  app.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: '登记项目制培训合同（§4.9）',
        description: who('city', 'county'),
        body: ZCreateProjectRequest,
        response: { 201: ZProjectView },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createProject(tx, req.actor, req.body))),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listProjects, typeof ZProjectViewPage>>, // GET /projects
  Assert<Conforms<typeof createProject, typeof ZProjectView>>, // POST /projects
];
