// Checks and writes the files a run produces (--out, --save-mapping): never over an input, over an existing file only with --force.
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { serializeMapping } from "../../server/mapping/mapping-store-format";
import type { FunnelMapping } from "../../server/mapping/mapping-types";
import type { SourcedMapping } from "../../server/mapping/source-types";
import { FileWriteError, sameFile, writeAtomically, writeTarget } from "../write-atomically";
import type { SummarizeOptions } from "./args";
import { InputError, UsageError } from "./cli-errors";

interface Output {
  flag: "--out" | "--save-mapping" | "--save-channels";
  path: string;
}

function outputsOf(options: SummarizeOptions): Output[] {
  const outputs: Output[] = [];
  if (options.out !== null) outputs.push({ flag: "--out", path: options.out });
  if (options.saveMapping !== null) outputs.push({ flag: "--save-mapping", path: options.saveMapping });
  if (options.saveChannels !== null) outputs.push({ flag: "--save-channels", path: options.saveChannels });
  return outputs;
}

/**
 * Run before anything is read, so a mistyped command fails at once and no work is thrown away:
 * an output that is an input is a usage error whatever the flags; an existing file needs --force.
 */
export function checkOutputs(options: SummarizeOptions): void {
  const files = options.files.length > 0 ? options.files : [options.file];
  const inputs = files.map((path) => ({ flag: files.length === 1 ? "the input file" : `the input file ${path}`, path }));
  if (options.mapping !== null) inputs.push({ flag: "the --mapping file", path: options.mapping });
  if (options.channels !== null) inputs.push({ flag: "the --channels file", path: options.channels });
  const outputs = outputsOf(options);
  for (const out of outputs) {
    for (const input of inputs) {
      if (existsSync(out.path) && existsSync(input.path) && sameFile(out.path, input.path)) {
        throw new UsageError(`${out.flag} ${out.path} is ${input.flag}: funnel-kpis never writes over what it reads; choose another file name`, false);
      }
    }
  }
  for (let a = 0; a < outputs.length; a++) {
    for (let b = a + 1; b < outputs.length; b++) {
      if (writeTarget(outputs[a].path) === writeTarget(outputs[b].path)) {
        throw new UsageError(`${outputs[a].flag} and ${outputs[b].flag} name the same file, ${outputs[a].path}`, false);
      }
    }
  }
  for (const out of outputs) {
    const target = writeTarget(out.path);
    const folder = dirname(target);
    if (!existsSync(folder)) throw new InputError(`${out.flag} ${out.path}: the folder ${folder} does not exist`);
    if (!statSync(folder).isDirectory()) throw new InputError(`${out.flag} ${out.path}: ${folder} is not a folder`);
    if (!existsSync(target)) continue;
    if (!statSync(target).isFile()) throw new InputError(`${out.flag} ${out.path} is not a regular file; nothing was written`);
    if (!options.force) throw new UsageError(`${out.flag} ${out.path} already exists: pass --force to replace it`, false);
  }
}

/** Writes a file for an output flag; a refusal or a disk error becomes the run's one-line reason. */
export function writeOutput(path: string, contents: Buffer | string): void {
  try {
    writeAtomically(path, contents);
  } catch (error) {
    if (error instanceof FileWriteError) throw new InputError(error.message);
    throw error;
  }
}

/** The mapping as the document store writes it, pretty-printed for editing by hand. */
export function writeMappingFile(mapping: FunnelMapping | SourcedMapping, path: string): void {
  const result = serializeMapping(mapping);
  if (!result.ok) throw new InputError(result.message);
  writeOutput(path, `${JSON.stringify(JSON.parse(result.json), null, 2)}\n`);
}
