# Times scipy's Nelder-Mead on the BG/NBD log-likelihood, for `npm run bench` to set beside the TypeScript fit.
#
# Usage: python3 clv_scipy_bgnbd.py SUMMARY.csv LOG_ALPHA_START REPEATS
# SUMMARY.csv has a header and one "x,t_x,T" row per customer (weeks). Prints one JSON object.
#
# The likelihood is the one lifetimes' BetaGeoFitter minimises (per customer, vectorised with numpy,
# on log-parameters), from the same start as the TypeScript fit. It runs twice: once per customer, as
# lifetimes does by default, and once on customers grouped by identical (x, t_x, T) with weights, the
# same grouping the TypeScript fit uses, so neither side wins by data layout alone.
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln


def negative_log_likelihood(log_params, x, tx, T, weights):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    top = np.maximum(a3, a4)
    ll = a1 + a2 + top + np.log(np.exp(a3 - top) + (x > 0) * np.exp(a4 - top))
    # lifetimes minimises the mean, which makes Nelder-Mead's fatol a tolerance per customer.
    return -(weights * ll).sum() / weights.sum()


def timed_fit(start, args, repeats):
    seconds = []
    for _ in range(repeats):
        began = time.perf_counter()
        result = minimize(
            negative_log_likelihood, start, args=args, method="Nelder-Mead",
            options={"xatol": 1e-7, "fatol": 1e-7, "maxfev": 20000},
        )
        seconds.append(time.perf_counter() - began)
    return {
        "seconds": seconds,
        "evaluations": int(result.nfev),
        "params": [float(v) for v in np.exp(result.x)],
        "logLikelihood": float(-result.fun * args[3].sum()),
        "converged": bool(result.success),
    }


def main():
    path, log_alpha, repeats = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    x, tx, T = data[:, 0], data[:, 1], data[:, 2]
    start = np.array([0.0, log_alpha, 0.0, 0.0])
    per_customer = timed_fit(start, (x, tx, T, np.ones_like(x)), repeats)
    groups, counts = np.unique(data, axis=0, return_counts=True)
    grouped = timed_fit(start, (groups[:, 0], groups[:, 1], groups[:, 2], counts.astype(float)), repeats)
    grouped["groups"] = int(len(groups))
    print(json.dumps({"perCustomer": per_customer, "grouped": grouped, "customers": int(len(x))}))


main()
