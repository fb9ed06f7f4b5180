// Serves the built React app (dist/web) and answers unknown paths: JSON errors under /api,
// the app's index.html elsewhere so client-side routes (and its 404 page) work on reload.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './errors.js';

async function webPlugin(app: FastifyInstance, opts: { webDir: string }) {
  const index = path.join(opts.webDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        // Vite puts a content hash in every asset name, so assets can be cached for good.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  } else {
    app.log.warn(
      { webDir: opts.webDir },
      'web app not built; run `npm run build` to serve the pages',
    );
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/api' || url.startsWith('/api/'))
      return sendError(reply, request, 'route_not_found');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendError(reply, request, 'not_found');
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet. Run `npm run build` (npm start does it for you).');
    }
    // A path with a file extension that does not exist is a real 404, not an app route —
    // except a signed tracking link (/t/<number>.<expiry>.<mac>), whose dots are its signature.
    if (path.extname(url) && !url.endsWith('.html') && !url.startsWith('/t/'))
      return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export default fp(webPlugin, { name: 'redress-web', dependencies: ['redress-errors'] });
