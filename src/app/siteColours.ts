/** One colour per site, in the scenario's order, shared by the topology, the tables and their legends. */
import type { Scenario } from '../planner';

/** Dark enough for white text on top (WCAG AA for normal text on all but the last two). */
const PALETTE = ['#1f5fbf', '#b45309', '#6d28d9', '#15803d', '#be123c', '#0e7490', '#4d7c0f', '#9d174d', '#475569', '#a16207'];

export function siteColours(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(scenario.sites.map((site, i) => [site.id, PALETTE[i % PALETTE.length]!]));
}
