import { exportScenarioFile } from '../app/shareLink';
import { selectDocument, useAppStore, useScenarioName } from '../app/store';

/** "Export scenario file": the scenario as loaded, as a .json file that "Open scenario file" reads back. */
export function ExportScenarioButton({ className = 'button button-secondary' }: { className?: string }) {
  const document = useAppStore(selectDocument);
  const name = useScenarioName();
  return (
    <button type="button" className={className} onClick={() => exportScenarioFile(document, name)}>
      Export scenario file
    </button>
  );
}
