// How much data the CLV fits insist on before they will estimate anything.

/**
 * Fewer repeat customers than this and the fits refuse. Ten is a floor, not a recommendation: with
 * four BG/NBD and three Gamma-Gamma parameters, a handful of repeat buyers gives an optimum that
 * swings wildly with one customer more or less. A few hundred customers make estimates worth using.
 */
export const MIN_REPEAT_CUSTOMERS = 10;
