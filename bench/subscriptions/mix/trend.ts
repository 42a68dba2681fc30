/** The least-squares line through (x, y), with the standard error of its slope: a slope within about two of those is noise. */
export function slope(xs: readonly number[], ys: readonly number[]): { slope: number; standardError: number } {
  const n = xs.length;
  if (n < 3) return { slope: Number.NaN, standardError: Number.NaN };
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - meanX) ** 2;
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
  }
  const b = sxy / sxx;
  const a = meanY - b * meanX;
  let residuals = 0;
  for (let i = 0; i < n; i++) residuals += (ys[i]! - a - b * xs[i]!) ** 2;
  return { slope: b, standardError: Math.sqrt(residuals / (n - 2) / sxx) };
}
