import { errorMessage } from '../app/errors';
import { slugify } from '../app/format';
import { useExportLp } from '../app/useExportLp';

/** Saves the placement MILP as a CPLEX LP file, for checking it with another solver. */
export function DownloadModelButton({ document, scenarioName }: { document: unknown; scenarioName: string }) {
  const exportLp = useExportLp();
  return (
    <div className="download-model">
      <button
        type="button"
        className="button button-secondary"
        disabled={exportLp.isPending}
        onClick={() => exportLp.mutate({ document, fileName: `${slugify(scenarioName)}.lp` })}
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
