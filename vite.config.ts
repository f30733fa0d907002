/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Relative base: the built lab works from any folder of any static host, and inside an iframe.
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore: @xstate/react's imports of the React 16/17 shim get React's own.
      { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector.js' },
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./src/app/syncExternalStore.ts', import.meta.url)) },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Which chunk each lab loads first: .size-limit.js measures each lab's first screen from it.
    manifest: true,
    rollupOptions: {
      output: {
        // The simulator, store, checkers and view maths every lab's first screen needs, in
        // one chunk: left to itself the bundler cut them into a dozen small shared chunks
        // (every lazy panel that imports one makes a new split), and each costs its own
        // overhead. What only one lab or a later panel uses stays out of it, and so does the
        // run's codec (urlCodec, scriptBytes, bytes, base64url, the schema): a lab loads it
        // when its address holds a run, or when it first writes one.
        codeSplitting: {
          groups: [
            { name: 'core', test: /\/src\/(sim\/(?!values\/(cart|crdt|lwwCounter|ops)|workload|scenarioSchema|schema|sessions\/|protocols\/(leader|regions))|store\/(?!progress)|controller\/(slices|stage)|machines\/playbackClock|embed\/(?!quorumParams|quorumLink|playgroundParams|urlCodec|scriptBytes|bytes|base64url|hostProtocol|hostBridge|xapi|playlist|snippets|loadLink)|check\/(staleReads|lostWrites|convergence|clocks)|view\/(?!spaceTime|timeScale|cartValueWords|crdtWords|orSetWords|sessionTokens)|components\/(useThrottledTime|Field|IntroText|useScenes|monitoring\/BoardDisclosure))/ },
            // The carts, their stories and words: the conflicts lab's first screen and its later panels share them.
            { name: 'carts', test: /\/src\/(content\/cartStories|sim\/values\/(cart|ops|crdt\/(orSet|types))|view\/(cartValueWords|orSetWords)|analysis\/carts|labs\/conflicts\/(ui\/cart\/cartWords|model\/conflictsParams))/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
