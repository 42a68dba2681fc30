/**
 * A small seeded PRNG (mulberry32), so a fuzz run is repeated exactly by its seed. The seed is
 * `FUZZ_SEED` when set, else a fixed one: CI sees the same inputs every time.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => next() < probability,
  };
}

export const DEFAULT_SEED = 20240607;

/** The run's seed and size, from `FUZZ_SEED` and `FUZZ_RUNS` (a multiplier of the default counts). */
export function fuzzSettings(): { seed: number; runs: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED;
  const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED: expected an integer, got ${process.env.FUZZ_SEED}`);
  if (!(runs > 0)) throw new Error(`FUZZ_RUNS: expected a positive number, got ${process.env.FUZZ_RUNS}`);
  return { seed, runs };
}
