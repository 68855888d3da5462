/** The full shareable URL of a scenario, and saving a scenario as a file: the two ways to pass one on. */
import { encodeShareLink } from '../planner/share/linkCodec';
import { downloadTextFile } from './download';
import { slugify } from './format';
import { linkSettings, type PlannerSettings } from './settings';

/**
 * `origin + pathname + '#' + payload`: the page itself with the scenario in the hash (never sent to a server).
 * The link carries every solver setting: time limit, gap, objective and amortisation horizon.
 */
export function shareUrl(document: unknown, settings: PlannerSettings, where: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${where.origin}${where.pathname}#${encodeShareLink({ scenario: document, settings: linkSettings(settings) })}`;
}

/** Downloads the raw document, as it was loaded, as `<name>.json`. */
export function exportScenarioFile(document: unknown, scenarioName: string): string {
  const fileName = `${slugify(scenarioName)}.json`;
  downloadTextFile(fileName, `${JSON.stringify(document, null, 2)}\n`, 'application/json');
  return fileName;
}
