// The atomic write follows symlinks to their target, keeps the file's mode, refuses read-only files and leaves no temporary file behind.
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileWriteError, sameFile, writeAtomically } from "../../src/local/write-atomically";
import { tempDir } from "./cli-harness";

describe("writeAtomically", () => {
  it("writes through a symlink into its target, and the link stays a link", () => {
    const dir = tempDir();
    const real = join(dir, "real.xlsx");
    const link = join(dir, "link.xlsx");
    writeFileSync(real, "old");
    symlinkSync("real.xlsx", link);
    writeAtomically(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("real.xlsx");
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "real.xlsx"]);
  });

  it("creates the target of a link that points at nothing yet", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "books"));
    symlinkSync(join(dir, "books", "later.xlsx"), join(dir, "later.xlsx"));
    writeAtomically(join(dir, "later.xlsx"), "made");
    expect(readFileSync(join(dir, "books", "later.xlsx"), "utf8")).toBe("made");
    expect(lstatSync(join(dir, "later.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("keeps a private file private", () => {
    const dir = tempDir();
    const path = join(dir, "private.xlsx");
    writeFileSync(path, "old");
    chmodSync(path, 0o600);
    writeAtomically(path, "new");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    writeAtomically(path, "newer");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, "utf8")).toBe("newer");
  });

  it("refuses a read-only file and leaves it as it was", () => {
    const dir = tempDir();
    const path = join(dir, "locked.xlsx");
    writeFileSync(path, "keep me");
    chmodSync(path, 0o444);
    expect(() => writeAtomically(path, "replaced")).toThrow(FileWriteError);
    expect(() => writeAtomically(path, "replaced")).toThrow(/locked\.xlsx is read-only: it was left unchanged/);
    expect(readFileSync(path, "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toEqual(["locked.xlsx"]);
  });

  it("says which folder is missing, and what is not a file", () => {
    const dir = tempDir();
    expect(() => writeAtomically(join(dir, "nope", "out.xlsx"), "x")).toThrow(new RegExp(`the folder ${dir}/nope does not exist`));
    mkdirSync(join(dir, "a-folder.xlsx"));
    expect(() => writeAtomically(join(dir, "a-folder.xlsx"), "x")).toThrow(/it is not a regular file/);
  });

  it("tells the same file under two names", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.csv"), "x");
    symlinkSync("a.csv", join(dir, "b.csv"));
    expect(sameFile(join(dir, "a.csv"), join(dir, "b.csv"))).toBe(true);
    expect(sameFile(join(dir, "a.csv"), join(dir, ".", "a.csv"))).toBe(true);
    writeFileSync(join(dir, "c.csv"), "x");
    expect(sameFile(join(dir, "a.csv"), join(dir, "c.csv"))).toBe(false);
  });
});
