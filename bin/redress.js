#!/usr/bin/env node
// In a checkout (tsx installed) run the TypeScript sources so the CLI is never stale;
// in an installed build run the compiled JavaScript.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'server', 'main.js');
const source = path.join(root, 'src', 'server', 'main.ts');

let entry = compiled;
if (existsSync(source)) {
  try {
    createRequire(import.meta.url).resolve('tsx');
    const { register } = await import('tsx/esm/api');
    register();
    entry = source;
  } catch {
    // no tsx: use the build
  }
}
if (!existsSync(entry)) {
  console.error('Redress is not built yet: run `npm run build` first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
await main(process.argv);
