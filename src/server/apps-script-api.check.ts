// Compile-time proof that the real Apps Script globals satisfy the narrowed API: a drift fails `tsc`, nothing here runs.
import type {
  ChartsApi,
  HtmlServiceApi,
  LockServiceApi,
  PropertiesServiceApi,
  SessionApi,
  SpreadsheetAppApi,
} from "./apps-script-api";

/** Never called: each assignment makes tsc compare a real global with its narrowed type. */
export function realGlobalsMatchNarrowedApi_(): void {
  const spreadsheetApp: SpreadsheetAppApi = SpreadsheetApp;
  const propertiesService: PropertiesServiceApi = PropertiesService;
  const lockService: LockServiceApi = LockService;
  const htmlService: HtmlServiceApi = HtmlService;
  const session: SessionApi = Session;
  const charts: ChartsApi = Charts;
  void [spreadsheetApp, propertiesService, lockService, htmlService, session, charts];
}
