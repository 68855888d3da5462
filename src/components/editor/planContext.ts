/** The plan of the current scenario, if there is one, for editor views that colour by site. */
import { createContext } from 'react';
import type { SolveOutcome } from '../../app/useSolve';

export const PlanContext = createContext<SolveOutcome | undefined>(undefined);
