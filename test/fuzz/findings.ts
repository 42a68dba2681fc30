/**
 * What a fuzz run found, grouped by category (`route · mutator · failure`), with the smallest
 * failing input of each, so one run reports every kind of failure rather than the first.
 */
export interface Example {
  input: string;
  answer: string;
}

const SHOWN = 600;
const clip = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}… (${text.length} chars)` : text);

export class Findings {
  readonly #byCategory = new Map<string, { count: number; smallest: Example }>();
  #inputs = 0;

  counted(): void {
    this.#inputs += 1;
  }

  add(category: string, example: Example): void {
    const found = this.#byCategory.get(category);
    if (!found) this.#byCategory.set(category, { count: 1, smallest: example });
    else {
      found.count += 1;
      if (example.input.length < found.smallest.input.length) found.smallest = example;
    }
  }

  get categories(): string[] {
    return [...this.#byCategory.keys()].sort();
  }

  /** A table of counts, then the smallest input and its answer per category. */
  report(seed: number): string {
    const rows = [...this.#byCategory].sort(([a], [b]) => a.localeCompare(b));
    const table = rows.map(([category, { count }]) => `| ${category} | ${count} |`).join('\n');
    const examples = rows.map(([category, { smallest }]) => `## ${category}\ninput:  ${clip(smallest.input)}\nanswer: ${clip(smallest.answer)}`).join('\n\n');
    return `fuzz seed ${seed} (FUZZ_SEED=${seed} repeats it): ${rows.length} failing categories over ${this.#inputs} inputs\n\n| category | inputs |\n|---|---|\n${table}\n\n${examples}`;
  }
}

/** Runs `work` over the items with at most `concurrency` at a time. */
export async function eachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
