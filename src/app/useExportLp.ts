/** "Download model (.lp)": the placement model as CPLEX LP text, built in a worker and saved as a file. */
import { useMutation } from '@tanstack/react-query';
import { exportLpInWorker } from '../workers/plannerClient';
import { downloadTextFile } from './download';
import { ScenarioRejectedError } from './errors';

export interface ExportLpRequest {
  document: unknown;
  fileName: string;
}

export function useExportLp() {
  return useMutation<string, Error, ExportLpRequest>({
    mutationKey: ['export-lp'],
    mutationFn: async ({ document }) => {
      const reply = await exportLpInWorker(document).result;
      if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
      return reply.value;
    },
    onSuccess: (text, { fileName }) => downloadTextFile(fileName, text, 'text/plain'),
  });
}
