// Lists a zip file's entries from its central directory and inflates one entry as a stream of text chunks, without reading the rest.
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The file is not a zip archive (or a damaged one); the message says what is wrong. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** The central directory's entries. Zip64 archives (over 4 GB) are refused: no workbook the tools open is that large. */
export function zipEntries(data: Buffer): ZipEntry[] {
  const searchFrom = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let i = data.length - 22; i >= searchFrom; i--) {
    if (data.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("it is not a zip archive, which every .xlsx workbook is");
  const count = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64_MARK) throw new ZipFormatError("it is a zip64 archive, larger than any workbook funnel-kpis opens");
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipFormatError("its zip directory is damaged");
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
      name: data.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK) {
      throw new ZipFormatError(`its part ${entry.name} is a zip64 entry, larger than any workbook funnel-kpis opens`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, handing its text to `onText` chunk by chunk (a chunk may end inside a tag).
 * Stops, and rejects, as soon as more than `maxBytes` come out: a declared size is never trusted.
 */
export async function readEntryText(data: Buffer, entry: ZipEntry, maxBytes: number, onText: (text: string) => void): Promise<void> {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipFormatError(`its part ${entry.name} is damaged`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  const decoder = new TextDecoder("utf-8");
  if (entry.method === 0) {
    if (compressed.length > maxBytes) throw new ZipFormatError(`its part ${entry.name} is larger than ${maxBytes} bytes`);
    onText(decoder.decode(compressed));
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`its part ${entry.name} uses a compression funnel-kpis cannot read`);
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    let failed = false;
    // A handler that throws (a limit reached) stops the inflating and rejects, instead of escaping the stream.
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on("data", (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > maxBytes) return fail(new ZipFormatError(`its part ${entry.name} unpacks to more than ${maxBytes} bytes`));
      try {
        onText(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(error);
      }
    });
    inflate.on("error", () => fail(new ZipFormatError(`its part ${entry.name} is damaged`)));
    inflate.on("end", () => {
      if (failed) return;
      try {
        onText(decoder.decode());
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    inflate.end(compressed);
  });
}
