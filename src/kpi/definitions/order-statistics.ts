// Median, mean and percentiles of large samples in linear time, without sorting the whole sample.

/**
 * Moves the k-th smallest value (0-based) to index k, smaller-or-equal values before it and
 * greater-or-equal after it. Hoare-style scanning (Wirth's select) keeps runs of equal values, which
 * whole-day durations are full of, from degrading to quadratic time.
 */
export function selectInPlace(values: Float64Array, k: number, from = 0, to = values.length - 1): number {
  let left = from;
  let right = to;
  while (right > left) {
    const pivot = values[k];
    let i = left;
    let j = right;
    do {
      while (values[i] < pivot) i++;
      while (pivot < values[j]) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) left = i;
    if (k < i) right = j;
  }
  return values[k];
}

function minOf(values: Float64Array, from: number, to: number): number {
  let min = values[from];
  for (let i = from + 1; i <= to; i++) if (values[i] < min) min = values[i];
  return min;
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks: Hyndman & Fan type 7,
 * the method of PERCENTILE.INC and MEDIAN in Sheets and Excel, R's default. Reorders `values`.
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const rank = (n - 1) * p;
  const lower = Math.floor(rank);
  const low = selectInPlace(values, lower);
  const fraction = rank - lower;
  if (fraction === 0 || lower + 1 >= n) return low;
  // After selection everything right of `lower` is ≥ it, so the next order statistic is their minimum.
  const high = minOf(values, lower + 1, n - 1);
  return low + fraction * (high - low);
}

export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
