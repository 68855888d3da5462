/** Small store selectors for the editor: lengths and id lists, so a list re-renders only when its members change. */
import { useShallow } from 'zustand/react/shallow';
import { getAt, type DocPath } from '../../app/editing/paths';
import { useAppStore } from '../../app/store';

type Raw = Record<string, unknown>;

export function useListLength(path: DocPath): number {
  return useAppStore((s) => {
    const v = getAt(s.document, path);
    return Array.isArray(v) ? v.length : 0;
  });
}

function idsAt(document: unknown, path: DocPath): string[] {
  const v = getAt(document, path);
  return Array.isArray(v) ? v.map((item) => String((item as Raw | null)?.id ?? '')) : [];
}

export function useSiteIds(): string[] {
  return useAppStore(useShallow((s) => idsAt(s.document, ['sites'])));
}

export function useRegionIds(): string[] {
  return useAppStore(useShallow((s) => idsAt(s.document, ['userRegions'])));
}

export function useComponentIds(appIndex: number): string[] {
  return useAppStore(useShallow((s) => idsAt(s.document, ['applications', appIndex, 'components'])));
}

export function useAllComponentIds(): string[] {
  return useAppStore(
    useShallow((s) => {
      const apps = getAt(s.document, ['applications']);
      return Array.isArray(apps) ? apps.flatMap((_, a) => idsAt(s.document, ['applications', a, 'components'])) : [];
    }),
  );
}

export function useZoneIds(): string[] {
  return useAppStore(useShallow((s) => idsAt(s.document, ['security', 'zones'])));
}

export function useApplicationIds(): string[] {
  return useAppStore(useShallow((s) => idsAt(s.document, ['applications'])));
}

/** Every server class any site prices, in first-seen order. */
export function useServerClassNames(): string[] {
  return useAppStore(
    useShallow((s) => {
      const sites = getAt(s.document, ['sites']);
      const names = new Set<string>();
      if (Array.isArray(sites))
        for (const site of sites) {
          const classes = (site as Raw | null)?.serverClasses;
          if (Array.isArray(classes)) for (const c of classes) if (typeof (c as Raw | null)?.serverClass === 'string') names.add((c as Raw).serverClass as string);
        }
      return [...names];
    }),
  );
}

export const asOptions = (ids: readonly string[]) => ids.map((id) => ({ value: id, label: id }));
