/*
 * React 19 has useSyncExternalStore built in. @xstate/react still imports the shim that
 * back-ports it to React 16 and 17; vite.config.ts points that import here, so the first
 * screen does not carry the back-port (about half a kilobyte gzipped).
 */
export { useSyncExternalStore } from 'react';
