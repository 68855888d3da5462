/** Errors the app shows to the user, and how to word any error as one sentence. */
import type { ValidationIssue } from '../planner';
import { CancelledError, WorkerCrashedError } from '../workers/plannerClient';

export { CancelledError, WorkerCrashedError };

/** The planner refused the scenario (it validates again inside the worker). */
export class ScenarioRejectedError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`The planner rejected the scenario: ${issues.length} problem${issues.length === 1 ? '' : 's'} found.`);
    this.name = 'ScenarioRejectedError';
    this.issues = issues;
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
