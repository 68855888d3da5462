/**
 * The scenario library as TanStack Query hooks: the list is a query, and each
 * action (save as, rename, duplicate, delete, open) is a mutation that refreshes it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ScenarioRejectedError } from './errors';
import type { LibraryEntry } from './persistence/db';
import { getTierwiseDb } from './persistence/db';
import { deleteScenario, duplicateScenario, getScenario, listScenarios, renameScenario, saveScenarioAs } from './persistence/library';
import { checkSettings } from './settings';
import { useAppStore, validateDocument } from './store';

const LIBRARY_KEY = ['scenario-library'] as const;

export function useLibraryEntries() {
  return useQuery({ queryKey: LIBRARY_KEY, queryFn: async () => listScenarios(await getTierwiseDb()) });
}

function useLibraryMutation<Input, Output>(key: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation<Output, Error, Input>({
    mutationKey: ['scenario-library', key],
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: LIBRARY_KEY }),
  });
}

/** Saves the working scenario and its settings under a new name. */
export function useSaveScenarioAs() {
  return useLibraryMutation('save-as', async (name: string) => {
    const { document, settings } = useAppStore.getState();
    return saveScenarioAs(await getTierwiseDb(), { name, document, settings });
  });
}

export function useRenameScenario() {
  return useLibraryMutation('rename', async ({ id, name }: { id: string; name: string }) => renameScenario(await getTierwiseDb(), id, name));
}

export function useDuplicateScenario() {
  return useLibraryMutation('duplicate', async (id: string) => duplicateScenario(await getTierwiseDb(), id));
}

export function useDeleteScenario() {
  return useLibraryMutation('delete', async (entry: Pick<LibraryEntry, 'id' | 'name'>) => {
    await deleteScenario(await getTierwiseDb(), entry.id);
    return entry;
  });
}

/** Makes a saved scenario the working one; one that no longer validates is refused with its problems. */
export function useOpenSavedScenario() {
  return useMutation<LibraryEntry, Error, string>({
    mutationKey: ['scenario-library', 'open'],
    mutationFn: async (id) => {
      const entry = await getScenario(await getTierwiseDb(), id);
      const validation = validateDocument(entry.document);
      if (!validation.ok) {
        const error = new ScenarioRejectedError(validation.issues);
        error.message = `“${entry.name}” no longer opens: it has ${validation.issues.length === 1 ? 'a problem' : `${validation.issues.length} problems`}.`;
        throw error;
      }
      const settings = checkSettings(entry.settings);
      useAppStore.getState().openScenario(entry.document, { kind: 'library', entryId: entry.id, name: entry.name }, settings ?? undefined);
      return entry;
    },
  });
}
