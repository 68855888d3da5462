import type { ValidationIssue } from '../planner';

/** Why Solve is disabled: the first problem, which starts with where it is, and how many more there are. */
export function blockedReasonFor(issues: readonly ValidationIssue[]): string {
  const [first] = issues;
  if (!first) return 'Solving is disabled: the scenario has problems.';
  const more = issues.length - 1;
  return `Solving is disabled: ${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}.`;
}
