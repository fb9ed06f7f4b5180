// Builds the React front end (src/web) into dist/web, which the server serves as static files.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Rolldown } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// Vendor code changes far less often than ours, so it gets its own long-cached chunks. Ant Design
// is split in two: what the portal needs up front, and the components only the console uses, so
// complainants on phones do not download the console's tables, menus and modals.
const ANTD =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|clsx|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|stylis|json2mq|copy-to-clipboard|toggle-selection)[\\/]/;

const vendorGroups: Rolldown.CodeSplittingGroup[] = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
    priority: 40,
  },
  {
    name: 'vendor-data',
    test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-antd', test: ANTD, tags: ['$initial'], priority: 30 },
  { name: 'vendor-antd-console', test: ANTD, priority: 20 },
];

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
