/**
 * The cache key of a solve: a hash of the scenario document and the solver
 * settings. Equal content gives an equal key, whatever object holds it, so an
 * undo or a retyped value finds the plan computed before.
 */
import type { PlannerSettings } from './settings';

const hashes = new WeakMap<object, string>();

/** cyrb53: a fast 53-bit string hash; collisions are negligible for the few hundred scenarios of a session. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function documentHash(document: unknown): string {
  if (document === null || typeof document !== 'object') return hashText(JSON.stringify(document) ?? 'undefined');
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = `${hashText(JSON.stringify(document))}`;
    hashes.set(document, hash);
  }
  return hash;
}

export function solveKey(document: unknown, settings: PlannerSettings): readonly ['solve-layout', string] {
  // The bursting tab's choices do not change a layout: they must not make it solve again.
  const { bursting: _bursting, ...layout } = settings;
  return ['solve-layout', `${documentHash(document)}.${hashText(JSON.stringify(layout))}`];
}
