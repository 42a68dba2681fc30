export interface BenchOptions {
  /** Reduced sizes and durations: the whole run in under two minutes. */
  quick: boolean;
  /** The folder the markdown tables go to (bench/results/). */
  results: URL;
  /** `--before <path>`: a checkout of an earlier version, whose dashboard throughput is measured beside this one's. */
  before: string | undefined;
  /** `--only <name>`: one benchmark of a part, e.g. `subscriptions --only mix`. */
  only?: string;
}
