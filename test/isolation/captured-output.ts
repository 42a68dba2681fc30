/**
 * Everything the process writes while captured: every console method and every write to
 * stdout and stderr, as text, still passed on. Restore it after the test.
 */
export function captureOutput() {
  const lines: string[] = [];
  const restores: Array<() => void> = [];
  const record = (args: unknown[]) => lines.push(args.map(textOf).join(' '));

  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      record(args);
      original.apply(console, args);
    };
    restores.push(() => void (console[method] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      record([chunk]);
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
    restores.push(() => void (stream.write = original));
  }

  return {
    lines,
    restore: () => restores.splice(0).forEach((restore) => restore()),
  };
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString();
  if (value instanceof Error) return `${value.stack ?? value.message} ${JSON.stringify(value)}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
