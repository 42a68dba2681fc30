export interface BenchOptions {
  /** Reduced sizes and durations: the whole run in under two minutes. */
  quick: boolean;
  /** The folder the markdown tables go to (bench/results/). */
  results: URL;
  /** `--before <path>`: a checkout of an earlier version, whose dashboard throughput is measured beside this one's. */
  before: string | undefined;
  /** `--only <part>`: one part of a benchmark (e.g. `memory` of the subscriptions), printed rather than written to bench/results/. */
  only: string | undefined;
}
