// The BG/NBD log-likelihood over grouped customers, with its analytic gradient in log-parameters for the fit.
import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import type { ObjectiveWithGradient } from "./bfgs";
import type { RecencyGroups } from "./customer-groups";
import { digamma } from "./digamma";

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Total log-likelihood, eq. 6 of "Counting Your Customers the Easy Way" in log form:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + [x>0] · a/(b+x−1) · (α+t_x)^−(r+x) ],
 * the last sum taken with log-sum-exp since both powers underflow for heavy buyers.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, groups: RecencyGroups): number {
  const logParams = Float64Array.of(Math.log(params.r), Math.log(params.alpha), Math.log(params.a), Math.log(params.b));
  return -makeBgNbdObjective(groups)(logParams, new Float64Array(4));
}

/**
 * −ln L as a function of (ln r, ln α, ln a, ln b), writing its gradient. With w the share of a
 * customer's likelihood from the "dropped out after the last purchase" term, the per-customer
 * derivatives are
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+t_x)
 *   ∂/∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+t_x)]
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + w/a
 *   ∂/∂b = ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − w/(b+x−1)
 * and the chain rule multiplies each by its parameter. Terms depending on x alone are computed once
 * per distinct x and weighted by its customer count; the logarithms once per distinct t_x and T. What
 * is left per group of repeat buyers is one exp and one log1p.
 */
export function makeBgNbdObjective(groups: RecencyGroups): ObjectiveWithGradient {
  const { xLevels, txLevels, TLevels } = groups;
  const levelCount = new Float64Array(xLevels.length);
  let customers = 0;
  for (let g = 0; g < groups.size; g++) {
    levelCount[groups.xLevel[g]] += groups.count[g];
    customers += groups.count[g];
  }
  const logAlphaTx = new Float64Array(txLevels.length);
  const inverseAlphaTx = new Float64Array(txLevels.length);
  const logAlphaT = new Float64Array(TLevels.length);
  const inverseAlphaT = new Float64Array(TLevels.length);
  const levelLogDropWeight = new Float64Array(xLevels.length);

  return (logParams, gradient) => {
    const r = Math.exp(logParams[0]);
    const alpha = Math.exp(logParams[1]);
    const a = Math.exp(logParams[2]);
    const b = Math.exp(logParams[3]);
    const logA = Math.log(a);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    const baseline = r * Math.log(alpha) - gammaln(r) - betaln(a, b);

    let total = customers * baseline;
    let dR = customers * (Math.log(alpha) - psiR);
    let dAlpha = (customers * r) / alpha;
    let dA = 0;
    let dB = 0;
    for (let L = 0; L < xLevels.length; L++) {
      const x = xLevels[L];
      const c = levelCount[L];
      total += c * (gammaln(r + x) + betaln(a, b + x));
      const psiABX = digamma(a + b + x);
      dR += c * digamma(r + x);
      dA += c * (psiAB - psiABX);
      dB += c * (digamma(b + x) - psiABX - psiB + psiAB);
      levelLogDropWeight[L] = x > 0 ? logA - Math.log(b + x - 1) : 0;
    }
    for (let L = 0; L < txLevels.length; L++) {
      logAlphaTx[L] = Math.log(alpha + txLevels[L]);
      inverseAlphaTx[L] = 1 / (alpha + txLevels[L]);
    }
    for (let L = 0; L < TLevels.length; L++) {
      logAlphaT[L] = Math.log(alpha + TLevels[L]);
      inverseAlphaT[L] = 1 / (alpha + TLevels[L]);
    }

    for (let g = 0; g < groups.size; g++) {
      const c = groups.count[g];
      const x = groups.x[g];
      const rx = r + x;
      const TL = groups.TLevel[g];
      const stillActive = -rx * logAlphaT[TL];
      if (x === 0) {
        total += c * stillActive;
        dR -= c * logAlphaT[TL];
        dAlpha -= c * rx * inverseAlphaT[TL];
        continue;
      }
      const L = groups.xLevel[g];
      const txL = groups.txLevel[g];
      const droppedOut = levelLogDropWeight[L] - rx * logAlphaTx[txL];
      // w = dropped-out share of the two terms, from the same exponential as the log-sum-exp.
      let w: number;
      if (stillActive > droppedOut) {
        const e = Math.exp(droppedOut - stillActive);
        total += c * (stillActive + Math.log1p(e));
        w = e / (1 + e);
      } else {
        const e = Math.exp(stillActive - droppedOut);
        total += c * (droppedOut + Math.log1p(e));
        w = 1 / (1 + e);
      }
      const active = 1 - w;
      dR -= c * (active * logAlphaT[TL] + w * logAlphaTx[txL]);
      dAlpha -= c * rx * (active * inverseAlphaT[TL] + w * inverseAlphaTx[txL]);
      dA += (c * w) / a;
      dB -= (c * w) / (b + x - 1);
    }
    gradient[0] = -dR * r;
    gradient[1] = -dAlpha * alpha;
    gradient[2] = -dA * a;
    gradient[3] = -dB * b;
    return -total;
  };
}
