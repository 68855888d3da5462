import { useId, type ChangeEvent } from 'react';
import { parseScenarioJson } from '../planner';
import { errorMessage } from '../app/errors';
import { useAppStore } from '../app/store';

/** Larger files are certainly not hand-written scenarios; refuse them before parsing. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Opens a scenario .json file. Only a file that validates replaces the current
 * scenario; otherwise every problem is listed and the current one stays.
 */
export function OpenScenarioButton() {
  const id = useId();
  const loadFile = useAppStore((s) => s.loadFile);
  const reportFileProblem = useAppStore((s) => s.reportFileProblem);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // so that opening the same file again (after fixing it) fires a change
    if (!file) return;
    const fail = (message: string) => reportFileProblem({ fileName: file.name, issues: [{ path: '', message }] });
    if (file.size > MAX_FILE_BYTES) {
      fail(`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a scenario file should be well under 20 MB`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      fail(`the file could not be read: ${errorMessage(error)}`);
      return;
    }
    const result = parseScenarioJson(text);
    if (!result.ok) {
      reportFileProblem({ fileName: file.name, issues: result.issues });
      return;
    }
    // Keep the document as written (the parsed scenario has defaults filled in).
    loadFile(file.name, JSON.parse(text) as unknown);
  }

  return (
    <div className="file-open">
      <input id={id} type="file" accept=".json,application/json" className="visually-hidden" onChange={onChange} />
      <label htmlFor={id} className="button button-secondary">
        Open scenario file
      </label>
    </div>
  );
}
