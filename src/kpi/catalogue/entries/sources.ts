// Citations shared by several catalogue entries, so each source is spelled one way.
export const FARRIS = "Farris, Bendle, Pfeifer & Reibstein, Marketing Metrics, 2nd ed. (Pearson, 2010)";
export const SKOK = "David Skok, \"SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters\", forEntrepreneurs.com (2013)";
export const REICHHELD = "Frederick F. Reichheld, \"The One Number You Need to Grow\", Harvard Business Review (December 2003)";
