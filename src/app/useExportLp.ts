/** "Download model (.lp)": the layout model as CPLEX LP text, built in a worker and saved as a file. */
import { useMutation } from '@tanstack/react-query';
import { exportLayoutLpInWorker } from '../workers/plannerClient';
import { downloadTextFile } from './download';
import { ScenarioRejectedError } from './errors';
import type { PlannerSettings } from './settings';

export interface ExportLpRequest {
  document: unknown;
  /** The settings the plan was solved with: the objective and amortisation shape the model. */
  settings: Omit<PlannerSettings, 'bursting'>;
  fileName: string;
}

export function useExportLp() {
  return useMutation<string, Error, ExportLpRequest>({
    mutationKey: ['export-lp'],
    mutationFn: async ({ document, settings }) => {
      const reply = await exportLayoutLpInWorker(document, settings).result;
      if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
      return reply.value;
    },
    onSuccess: (text, { fileName }) => downloadTextFile(fileName, text, 'text/plain'),
  });
}
