// The funnel-kpis command line: parses arguments, runs summarize, prints text or JSON, and maps every failure to one line and an exit code.
import { parseArgs, USAGE } from "./args";
import { InputError, UsageError } from "./cli-errors";
import { ProgressBar, type ProgressSink } from "./progress-bar";
import { FileWriteError } from "../write-atomically";

export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressSink;
}

/** Set to see where an unexpected failure came from; users see its one-line reason. */
const DEBUG_VARIABLE = "FUNNEL_KPIS_DEBUG";

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0].trim();
  return line === "" ? "no reason given" : line;
}

/** What the user sees for a failure nobody planned for: a reason in one line, never a stack trace. */
function unexpected(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "the file is too large or too deeply nested to summarise here";
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOMEM" || (error instanceof RangeError && /allocation|Invalid array length|Invalid string length/i.test(error.message))) {
    return "the file is too large to summarise in memory";
  }
  return `unexpected error: ${firstLine(error instanceof Error ? error.message : String(error))}`;
}

/** Runs one command; returns the exit code rather than exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.kind === "help") {
      streams.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const { options } = command;
    // Loaded only for a real run, so --help and usage errors answer without the spreadsheet libraries.
    const [{ summarize }, { jsonReport }, { textReport }, writer] = await Promise.all([
      import("./summarize"), import("./json-report"), import("./text-report"), options.out === null ? null : import("./write-summary"),
    ]);
    const progress = ProgressBar.forStream(streams.stderr, `reading ${options.file}`, !options.json);
    const run = await summarize(options, { progress, writeOut: writer?.writeSummaryWorkbook ?? null });
    streams.stdout.write(options.json ? jsonReport(run) : textReport(run));
    if (run.outNote !== null) streams.stderr.write(`funnel-kpis: note: ${run.outNote}\n`);
    if (run.outNotKept.length > 0) {
      streams.stderr.write(`funnel-kpis: note: ${options.file} has ${run.outNotKept.join(", ")}, which ${run.out} does not keep (the tool cannot write them)\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(error.showUsage ? `funnel-kpis: ${error.message}\n\n${USAGE}\n` : `funnel-kpis: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof InputError || error instanceof FileWriteError) {
      streams.stderr.write(`funnel-kpis: ${error.message}\n`);
      return 1;
    }
    streams.stderr.write(`funnel-kpis: ${unexpected(error)}\n`);
    if (process.env[DEBUG_VARIABLE]) streams.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}
