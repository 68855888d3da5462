/**
 * The TanStack Query client. Everything runs in the browser, so requests never
 * wait for "online" status, and a failed solve is never silently retried: the
 * user decides whether to run a minutes-long MILP again.
 */
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
