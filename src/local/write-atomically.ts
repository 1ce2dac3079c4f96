// Replaces a file through a temporary file and a rename: the symlink's target is written, its mode kept, read-only files refused, data and folder synced.
import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A file the tool will not or cannot write; the message names the file and says why, for the user. */
export class FileWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileWriteError";
  }
}

const MAX_LINKS = 40;

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The file a write to `path` should land in: through every symlink, even one whose target does not exist yet. */
export function writeTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const stats = lstatOrNull(current);
    if (stats === null || !stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new FileWriteError(`${path}: too many symbolic links`);
}

function describe(error: unknown, path: string): FileWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(path);
  if (code === "ENOENT") return new FileWriteError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (code === "ENOTDIR") return new FileWriteError(`cannot write ${path}: ${folder} is not a folder`);
  if (code === "EACCES" || code === "EPERM") return new FileWriteError(`cannot write ${path}: no permission to write in ${folder}`);
  if (code === "ENOSPC") return new FileWriteError(`cannot write ${path}: the disk is full`);
  if (code === "EROFS") return new FileWriteError(`cannot write ${path}: the file system is read-only`);
  return new FileWriteError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
}

function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse to sync a directory (EINVAL, EISDIR on Windows); the data itself is synced.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EISDIR" && code !== "EPERM" && code !== "EBADF") throw error;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes `contents` to `path` so that a crash leaves either the old file or the new one, never half of either.
 * A symlink stays a symlink and its target gets the new contents; an existing file keeps its mode (and owner,
 * where the process may set it); a read-only file is refused rather than replaced.
 */
export function writeAtomically(path: string, contents: Buffer | string): void {
  const target = writeTarget(path);
  const existing = lstatOrNull(target);
  if (existing !== null && !existing.isFile()) throw new FileWriteError(`cannot write ${path}: it is not a regular file`);
  // Root may write anything, so the mode bits are the test of "read-only", not access(2).
  if (existing !== null && (existing.mode & 0o222) === 0) throw new FileWriteError(`${path} is read-only: it was left unchanged`);
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const data = typeof contents === "string" ? Buffer.from(contents, "utf8") : contents;
  let fd: number | null = null;
  let renamed = false;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing === null ? 0o666 : existing.mode & 0o7777);
    // The umask narrows the mode given to open(2): set the old file's mode exactly.
    if (existing !== null) {
      fchmodSync(fd, existing.mode & 0o7777);
      try {
        fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // Only root may give a file away; a user's own file already has the user as owner.
      }
    }
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    syncFolder(folder);
    renameSync(temporary, target);
    renamed = true;
    syncFolder(folder);
  } catch (error) {
    if (error instanceof FileWriteError) throw error;
    throw describe(error, path);
  } finally {
    if (fd !== null) closeSync(fd);
    if (!renamed) rmSync(temporary, { force: true });
  }
}

/** True when `a` and `b` name the same file on disk (through symlinks and hard links). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolve(writeTarget(a)) === resolve(writeTarget(b));
  }
}
