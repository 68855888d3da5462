/** What the header says about the autosave: saved, saving, or why it is not saved. Its own tiny store. */
import { create } from 'zustand';

export type AutosaveStatus =
  | { state: 'starting' }
  | { state: 'pending' }
  | { state: 'saved'; at: number }
  /** Not saved, with the reason in words (storage refused, scenario invalid, no IndexedDB). */
  | { state: 'not-saved'; reason: string };

export const useAutosaveStatus = create<{ status: AutosaveStatus; set(status: AutosaveStatus): void }>()((set) => ({
  status: { state: 'starting' },
  set: (status) => set({ status }),
}));
