import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './labStore.ts';

const Context = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <Context.Provider value={store}>{children}</Context.Provider>;
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
