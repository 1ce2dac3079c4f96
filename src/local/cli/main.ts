// The funnel-kpis command line: parses arguments, runs summarize, prints text or JSON, and maps failures to exit codes.
import { parseArgs, USAGE } from "./args";
import { InputError, UsageError } from "./cli-errors";
import { jsonReport } from "./json-report";
import { ProgressBar, type ProgressSink } from "./progress-bar";
import { summarize } from "./summarize";
import { textReport } from "./text-report";
import { writeSummaryWorkbook } from "./write-summary";

export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressSink;
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
    const progress = ProgressBar.forStream(streams.stderr, `reading ${options.file}`, !options.json);
    const run = await summarize(options, { progress, writeOut: writeSummaryWorkbook });
    streams.stdout.write(options.json ? jsonReport(run) : textReport(run));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`funnel-kpis: ${error.message}\n\n${USAGE}\n`);
      return error.exitCode;
    }
    if (error instanceof InputError) {
      streams.stderr.write(`funnel-kpis: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
