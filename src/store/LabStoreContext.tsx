import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabController } from '../controller/labController.ts';
import type { LabState, LabStore } from './labStore.ts';

const Context = createContext<LabStore | null>(null);
const ControllerContext = createContext<LabController | null>(null);

/** The lab's store, and its controller (narration, address) where the lab has one. */
export function LabStoreProvider({ store, controller = null, children }: { store: LabStore; controller?: LabController | null; children: ReactNode }) {
  return (
    <Context.Provider value={store}>
      <ControllerContext.Provider value={controller}>{children}</ControllerContext.Provider>
    </Context.Provider>
  );
}

export function useLabController(): LabController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useLabController needs a LabStoreProvider with a controller above it');
  return controller;
}

export function useLabStoreApi(): LabStore {
  const store = useContext(Context);
  if (!store) throw new Error('useLabStore needs a LabStoreProvider above it');
  return store;
}

/** Subscribe to one slice of the lab's store. Pass a named selector from labStore.ts. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}
