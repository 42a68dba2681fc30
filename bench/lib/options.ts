export interface BenchOptions {
  /** Reduced sizes and durations: the whole run in under two minutes. */
  quick: boolean;
  /** The folder the markdown tables go to (bench/results/). */
  results: URL;
}
