// Where each generated number sits, returned with the report so the wizard, the CLI and tests can find them.

export interface SummaryLayout {
  /** Funnel report headline key ("spend", "count_leads", "cac", ...) → sheet row. */
  headlineRows: Record<string, number>;
  headlineCurrentColumn: number;
  headlinePreviousColumn: number;
  /** Record-level data only: the row of the computed median time to convert. */
  timeToConvertRow: number | null;
  /** Sheet row of each stage in the funnel table; its count is column B. */
  funnelRows: number[];
  goals: { firstRow: number; rows: number; count: number };
  channels: { rows: number[]; names: string[]; columns: Record<string, number> } | null;
  months: { rows: number[]; months: string[]; columns: Record<string, number> };
  goalKpis: { label: string; direction: "up" | "down" }[];
}
