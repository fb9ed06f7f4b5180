import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse } from '../lib/api-schemas.js';

async function swaggerPlugin(app: FastifyInstance, opts: { version: string }) {
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Redress API',
        description:
          'Complaint handling and customer service (投诉受理与客服平台). Browser sessions use an httpOnly cookie and ' +
          'the X-CSRF-Token header on writes; integrations use `Authorization: Bearer rdr_…` tokens. Errors are ' +
          '`{"error":{"code","message","fields"}}` with messages in zh-CN, or en with `Accept-Language: en`.',
        version: opts.version,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'redress_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

export default fp(swaggerPlugin, { name: 'redress-swagger' });
