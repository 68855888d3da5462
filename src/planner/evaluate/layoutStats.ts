/**
 * Statistics for the layout evaluator: lognormal latency terms fitted to a
 * (mean, p95) pair, Fenton–Wilkinson sums, the 95th percentile of a mixture of
 * routes, and a small seeded random number generator for Monte Carlo checks.
 * Nothing here knows about scenarios.
 */

/** The standard normal's 95th percentile. */
export const Z95 = 1.6448536269514722;

/** Largest σ a lognormal can have and still be fitted to a (mean, p95) pair: p95/mean ≤ exp(Z95²/2) ≈ 3.868. */
export const MAX_SIGMA = Z95;
export const MAX_P95_OVER_MEAN = Math.exp((Z95 * Z95) / 2);

/** One round trip's latency: a lognormal (or a constant when `variance` is 0). */
export interface LatencyTerm {
  mean: number;
  variance: number;
  /** Third cumulant (third central moment), for three-moment matching of sums. */
  thirdCumulant: number;
  /** Parameters of the lognormal, meaningful when variance > 0. */
  mu: number;
  sigma: number;
  /** The p95/mean ratio was above what a lognormal allows, so σ was capped at MAX_SIGMA (the p95 is then lower than given). */
  capped: boolean;
  /** p95 > 0 with mean 0: no non-negative distribution fits; treated as a constant 0. */
  degenerate: boolean;
}

/**
 * Fits a lognormal to a mean and a 95th percentile: mean = exp(μ + σ²/2), p95 = exp(μ + Z95·σ),
 * so ln(p95/mean) = Z95·σ − σ²/2, whose smaller root is σ = Z95 − √(Z95² − 2 ln(p95/mean)).
 * p95 = mean gives a constant.
 */
export function fitLognormal(meanMs: number, p95Ms: number): LatencyTerm {
  if (!(meanMs > 0) || !(p95Ms > meanMs)) {
    return { mean: Math.max(0, meanMs), variance: 0, thirdCumulant: 0, mu: 0, sigma: 0, capped: false, degenerate: !(meanMs > 0) && p95Ms > 0 };
  }
  const r = Math.log(p95Ms / meanMs);
  const disc = Z95 * Z95 - 2 * r;
  const capped = disc < 0;
  const sigma = capped ? MAX_SIGMA : Z95 - Math.sqrt(disc);
  const mu = Math.log(meanMs) - (sigma * sigma) / 2;
  const wMinus1 = Math.expm1(sigma * sigma);
  const variance = meanMs * meanMs * wMinus1;
  // Skewness of a lognormal: (w + 2)·√(w − 1) with w = exp(σ²).
  const thirdCumulant = (wMinus1 + 3) * Math.sqrt(wMinus1) * variance ** 1.5;
  return { mean: meanMs, variance, thirdCumulant, mu, sigma, capped, degenerate: false };
}

/** Lognormal parameters with a given mean and variance (Fenton–Wilkinson moment matching). */
export function lognormalFromMoments(mean: number, variance: number): { mu: number; sigma: number } {
  const s2 = Math.log1p(variance / (mean * mean));
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/**
 * Complementary error function, Numerical Recipes' Chebyshev fit (erfcc): fractional error
 * below 1.2e-7 everywhere, far below what matters for a percentile in milliseconds.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * How a route's sum of independent lognormal round trips is approximated:
 *  - 'heaviestExact' (default): the route's heaviest single round trip (largest variance among
 *    the user's round trip and the edges called once) is kept as its exact lognormal; the rest is
 *    'threeMoments'; the two are convolved numerically (Gauss–Hermite over the narrower one);
 *  - 'threeMoments': one shifted lognormal with the sum's mean, variance and third cumulant
 *    (skewness), exact for a single term;
 *  - 'fentonWilkinson': the constant part plus a lognormal with the sum's mean and variance.
 */
export type RouteApproximation = 'heaviestExact' | 'threeMoments' | 'fentonWilkinson';

/**
 * One route's latency distribution: a point, a shifted lognormal, or (for a nearly symmetric sum)
 * a normal, plus optionally one independent lognormal term kept exact.
 */
export interface RouteDistribution {
  probability: number;
  kind: 'point' | 'lognormal' | 'normal';
  /** point: the value; lognormal: the shift; normal: the mean. */
  shift: number;
  /** lognormal: μ; normal: unused. */
  mu: number;
  /** lognormal: σ; normal: the standard deviation. */
  sigma: number;
  /** An independent lognormal round trip added to the above and kept exact. */
  plus?: { mu: number; sigma: number };
  /** With `plus`: the route's p95 by three-moment matching, to bracket the mixture's p95. */
  approxP95?: number;
}

/** w = exp(σ²) of the lognormal whose skewness (w + 2)·√(w − 1) is γ (closed form of the cubic). */
export function skewnessToW(gamma: number): number {
  const a = 1 + (gamma * gamma) / 2;
  const b = gamma * Math.sqrt(1 + (gamma * gamma) / 4);
  return Math.cbrt(a + b) + Math.cbrt(a - b) - 1;
}

/**
 * A route whose latency is the constant C plus a random part with mean M, variance V and third
 * cumulant K3 (the sums over its independent terms).
 */
export function routeDistribution(
  probability: number,
  constant: number,
  randomMean: number,
  randomVariance: number,
  thirdCumulant = 0,
  approximation: RouteApproximation = 'threeMoments',
): RouteDistribution {
  if (!(randomVariance > 0) || !(randomMean > 0)) return { probability, kind: 'point', shift: constant + randomMean, mu: 0, sigma: 0 };
  const gamma = thirdCumulant / randomVariance ** 1.5;
  if (approximation === 'fentonWilkinson' || !(gamma > 0)) {
    const { mu, sigma } = lognormalFromMoments(randomMean, randomVariance);
    return { probability, kind: 'lognormal', shift: constant, mu, sigma };
  }
  if (gamma < 1e-3) return { probability, kind: 'normal', shift: constant + randomMean, mu: 0, sigma: Math.sqrt(randomVariance) };
  const w = skewnessToW(gamma);
  const scale = Math.sqrt(randomVariance / (w * (w - 1))); // e^μ
  return { probability, kind: 'lognormal', shift: constant + randomMean - scale * Math.sqrt(w), mu: Math.log(scale), sigma: Math.sqrt(Math.log(w)) };
}

/**
 * The route's distribution with one exact lognormal term (μ, σ) added: rest (mean M, variance V,
 * third cumulant K3, plus the constant) by three moments, the term exactly.
 */
export function routeWithExactTerm(
  probability: number,
  constant: number,
  rest: { mean: number; variance: number; thirdCumulant: number },
  term: { mean: number; variance: number; thirdCumulant: number; mu: number; sigma: number },
): RouteDistribution {
  const whole = routeDistribution(probability, constant, rest.mean + term.mean, rest.variance + term.variance, rest.thirdCumulant + term.thirdCumulant);
  const tiny = 1e-12 * (rest.variance + term.variance);
  const base =
    rest.variance > tiny
      ? routeDistribution(probability, constant, rest.mean, rest.variance, rest.thirdCumulant)
      : { probability, kind: 'point' as const, shift: constant + rest.mean, mu: 0, sigma: 0 };
  return { ...base, plus: { mu: term.mu, sigma: term.sigma }, approxP95: routeQuantile(whole, Z95) };
}

/** Nodes and weights of n-point Gauss–Hermite quadrature for E[f(Z)], Z standard normal (Numerical Recipes' gauher, rescaled). */
export function gaussHermiteNormal(n: number): { z: number[]; w: number[] } {
  const x = new Array<number>(n).fill(0);
  const w = new Array<number>(n).fill(0);
  const PIM4 = 0.7511255444649425; // π^(-1/4)
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0]!;
    else if (i === 3) z = 1.91 * z - 0.91 * x[1]!;
    else z = 2 * z - x[i - 2]!;
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 3e-14) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2 / (pp * pp);
  }
  return { z: x.map((v) => v * Math.SQRT2), w: w.map((v) => v / Math.sqrt(Math.PI)) };
}

export const GAUSS_HERMITE_NODES = 24;
const GH = gaussHermiteNormal(GAUSS_HERMITE_NODES);

function lognormalCdf(mu: number, sigma: number, y: number): number {
  return y <= 0 ? 0 : normalCdf((Math.log(y) - mu) / sigma);
}

function baseSd(r: RouteDistribution): number {
  if (r.kind === 'point') return 0;
  if (r.kind === 'normal') return r.sigma;
  return Math.sqrt(Math.expm1(r.sigma * r.sigma)) * Math.exp(r.mu + (r.sigma * r.sigma) / 2);
}

function baseAt(r: RouteDistribution, z: number): number {
  if (r.kind === 'point') return r.shift;
  return r.kind === 'normal' ? r.shift + r.sigma * z : r.shift + Math.exp(r.mu + r.sigma * z);
}

/**
 * The route's CDF as a function. With an exact extra term, F(x) = E[F_wide(x − narrow)], where
 * `narrow` is whichever of the two parts has the smaller standard deviation (so that the other's
 * CDF is smooth on its scale), by Gauss–Hermite quadrature over the narrow part's normal variable.
 */
function routeCdfOf(r: RouteDistribution): (x: number) => number {
  const plus = r.plus;
  if (!plus) return (x) => baseCdf(r, x);
  if (r.kind === 'point') return (x) => lognormalCdf(plus.mu, plus.sigma, x - r.shift);
  const plusSd = Math.sqrt(Math.expm1(plus.sigma * plus.sigma)) * Math.exp(plus.mu + (plus.sigma * plus.sigma) / 2);
  const n = GH.z.length;
  if (baseSd(r) <= plusSd) {
    const narrow = GH.z.map((z) => baseAt(r, z));
    return (x) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += GH.w[k]! * lognormalCdf(plus.mu, plus.sigma, x - narrow[k]!);
      return sum;
    };
  }
  const narrow = GH.z.map((z) => Math.exp(plus.mu + plus.sigma * z));
  return (x) => {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += GH.w[k]! * baseCdf(r, x - narrow[k]!);
    return sum;
  };
}

function baseCdf(r: RouteDistribution, x: number): number {
  switch (r.kind) {
    case 'point':
      return x >= r.shift ? 1 : 0;
    case 'normal':
      return normalCdf((x - r.shift) / r.sigma);
    case 'lognormal':
      return x <= r.shift ? 0 : normalCdf((Math.log(x - r.shift) - r.mu) / r.sigma);
  }
}

function routeQuantile(r: RouteDistribution, z: number): number {
  if (r.plus) return r.approxP95!;
  switch (r.kind) {
    case 'point':
      return r.shift;
    case 'normal':
      return r.shift + z * r.sigma;
    case 'lognormal':
      return r.shift + Math.exp(r.mu + z * r.sigma);
  }
}

/** A value below (almost) all of the route's mass. */
function routeFloor(r: RouteDistribution): number {
  return r.kind === 'normal' ? r.shift - 40 * r.sigma : r.shift;
}

/** A value above all of the route's mass but 1e-13. */
function routeCeiling(r: RouteDistribution): number {
  const z = 7.6;
  const base = r.kind === 'point' ? r.shift : r.kind === 'normal' ? r.shift + z * r.sigma : r.shift + Math.exp(r.mu + z * r.sigma);
  return r.plus ? base + Math.exp(r.plus.mu + z * r.plus.sigma) : base;
}

/**
 * The q-quantile (q = 0.95 by default) of the mixture Σ P(route)·F_route: the smallest x with
 * Σ P·F(x) ≥ q, found by bisection between the smallest and the largest route quantile
 * (the mixture's quantile always lies between them), to 1e-10 relative.
 */
export function mixtureQuantile(routes: readonly RouteDistribution[], q = 0.95, z = Z95): number {
  const live = routes.filter((r) => r.probability > 0);
  if (live.length === 0) return Number.NaN;
  const total = live.reduce((sum, r) => sum + r.probability, 0);
  const target = q * total - 1e-12;
  // Routes entirely below x count in full and routes entirely above it not at all, without integrating.
  const floors = live.map(routeFloor);
  const ceilings = live.map(routeCeiling);
  const cdfs = live.map(routeCdfOf);
  const cdf = (x: number) => {
    let sum = 0;
    for (let i = 0; i < live.length; i++) {
      if (x < floors[i]!) continue;
      sum += live[i]!.probability * (x >= ceilings[i]! ? 1 : cdfs[i]!(x));
    }
    return sum;
  };
  let lo = Math.min(...live.map((r) => routeQuantile(r, z)));
  let hi = Math.max(...live.map((r) => routeQuantile(r, z)));
  // Routes with an exact term only have an approximate p95: widen the bracket if it missed.
  if (cdf(hi) < target) hi = Math.max(...ceilings);
  if (cdf(lo) >= target) {
    // Only when the routes' quantiles coincide or point masses sit at lo: step down to the infimum.
    const below = Math.min(...floors);
    if (cdf(below) >= target) return below;
    hi = lo;
    lo = below;
  }
  // Regula falsi with the Illinois modification (superlinear on the smooth mixtures of lognormals),
  // falling back to bisection when a step (a constant route) makes the secant useless.
  let gLo = cdf(lo) - target;
  let gHi = cdf(hi) - target;
  let side = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, Math.abs(hi)); i++) {
    let x = (lo * gHi - hi * gLo) / (gHi - gLo);
    if (!(x > lo && x < hi) || i % 8 === 7) x = (lo + hi) / 2;
    const g = cdf(x) - target;
    if (g >= 0) {
      hi = x;
      gHi = g;
      if (side === 1) gLo /= 2;
      side = 1;
    } else {
      lo = x;
      gLo = g;
      if (side === -1) gHi /= 2;
      side = -1;
    }
  }
  // A constant route within the tolerance is where the mixture's CDF jumps: report it exactly.
  for (const r of live) if (r.kind === 'point' && !r.plus && r.shift >= lo && r.shift <= hi && cdf(r.shift) >= target) hi = Math.min(hi, r.shift);
  return hi;
}

/** mulberry32: a tiny, fast, seeded 32-bit generator; returns uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a uniform generator (one cached spare). */
export function normalSampler(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    let u = 0;
    while (u <= 0) u = uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

/**
 * The empirical q-quantile of sorted samples and a distribution-free 95% confidence interval for
 * the true quantile from order statistics: ranks n·q ± 1.96·√(n·q·(1−q)).
 */
export function empiricalQuantile(sorted: Float64Array | readonly number[], q = 0.95): { value: number; low: number; high: number } {
  const n = sorted.length;
  const at = (rank: number) => sorted[Math.min(n - 1, Math.max(0, rank))]!;
  const centre = Math.ceil(n * q) - 1;
  const half = 1.96 * Math.sqrt(n * q * (1 - q));
  return { value: at(centre), low: at(Math.floor(n * q - half) - 1), high: at(Math.ceil(n * q + half) - 1) };
}
