import { errorMessage } from '../app/errors';
import { slugify } from '../app/format';
import type { PlannerSettings } from '../app/settings';
import { useExportLp } from '../app/useExportLp';

/** Saves the layout MILP (with the settings the plan was solved with) as a CPLEX LP file, for checking it with another solver. */
export function DownloadModelButton({ document, settings, scenarioName }: { document: unknown; settings: Omit<PlannerSettings, 'bursting'>; scenarioName: string }) {
  const exportLp = useExportLp();
  return (
    <div className="download-model">
      <button
        type="button"
        className="button button-secondary"
        disabled={exportLp.isPending}
        onClick={() => exportLp.mutate({ document, settings, fileName: `${slugify(scenarioName)}-layout.lp` })}
      >
        {exportLp.isPending ? 'Preparing model…' : 'Download model (.lp)'}
      </button>
      {exportLp.isError && (
        <p role="alert" className="inline-error">
          The model could not be exported: {errorMessage(exportLp.error)}
        </p>
      )}
    </div>
  );
}
