// The digamma function ψ(x) = d/dx ln Γ(x), which the analytic gradients of the CLV and retention likelihoods need.

/**
 * ψ(x) for x > 0 (every argument in these models is a positive parameter plus a count). Below 10 the
 * recurrence ψ(x) = ψ(x + 1) − 1/x moves x up; from 10 the asymptotic series
 * ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) through the x⁻¹² term leaves an error below 1e−15.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const series =
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
