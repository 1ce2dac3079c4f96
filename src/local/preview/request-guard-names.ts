// Names the preview's server and its page share for the per-run token; no Node code, so the page's bundle can import them.

/** The header the preview's page sends its token in; never a cookie, so no other site's request carries it. */
export const TOKEN_HEADER = "x-funnel-kpis-token";
/** Where a served page finds the token: its own document, which no other origin can read. */
export const TOKEN_META = "funnel-kpis-token";
