// Median, mean and percentiles of large samples in linear time, without sorting the whole sample.

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i];
  values[i] = values[j];
  values[j] = held;
}

/**
 * Moves the k-th smallest value (0-based) to index k, smaller-or-equal values before it and
 * greater-or-equal after it, in linear expected time: Floyd & Rivest's SELECT (CACM 18(3), 1975).
 * On large spans it first selects within a small sample around k, so the pivot lands next to the
 * answer whatever the order of the data (sorted, sawtooth, runs of equal whole days).
 */
export function selectInPlace(values: Float64Array, k: number, from = 0, to = values.length - 1): number {
  let left = from;
  let right = to;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, sampleLeft, sampleRight);
    }
    const pivot = values[k];
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right] > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
    }
    if (values[left] === pivot) {
      swap(values, left, j);
    } else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
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
