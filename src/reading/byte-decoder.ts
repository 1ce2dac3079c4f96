// Turns a file's bytes into text chunk by chunk: BOM-marked UTF-8 and UTF-16 LE/BE, UTF-8 checked for validity, else Windows-1252.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Thrown when bytes taken for UTF-8 turn out not to be: the caller starts again as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor() {
    super("the bytes are not valid UTF-8");
    this.name = "NotUtf8Error";
  }
}

/** Windows-1252's printable characters at 0x80..0x9F; the rest of the range is Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const piece: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    piece.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    if (piece.length === 8192) {
      out += String.fromCharCode(...piece);
      piece.length = 0;
    }
  }
  return out + String.fromCharCode(...piece);
}

/**
 * Reads the first bytes for a byte-order mark, then decodes every chunk the same way. Without a BOM the
 * text is UTF-8 when valid (checked as it streams: `NotUtf8Error` when it is not) or, when told so by
 * `assume`, Windows-1252. UTF-16 without a BOM is recognised by its zero bytes between ASCII letters.
 */
export class ByteDecoder {
  private encoding: TextEncodingName | null;
  private utf8: TextDecoder | null = null;
  private utf16: TextDecoder | null = null;
  private pending: Uint8Array | null = null;
  private started = false;

  constructor(assume: TextEncodingName | null = null) {
    this.encoding = assume;
  }

  get detected(): TextEncodingName | null {
    return this.encoding;
  }

  /** True once the BOM (if any) was seen and skipped. */
  hadBom = false;

  write(chunk: Uint8Array): string {
    let bytes = chunk;
    if (!this.started) {
      if (this.pending !== null) {
        const joined = new Uint8Array(this.pending.length + chunk.length);
        joined.set(this.pending);
        joined.set(chunk, this.pending.length);
        bytes = joined;
        this.pending = null;
      }
      if (bytes.length < 4) {
        this.pending = bytes;
        return "";
      }
      bytes = this.start(bytes);
    }
    return this.decode(bytes, true);
  }

  end(): string {
    let tail = "";
    if (!this.started && this.pending !== null) {
      const bytes = this.start(this.pending);
      this.pending = null;
      tail = this.decode(bytes, true);
    } else if (!this.started) return "";
    return tail + this.decode(new Uint8Array(0), false);
  }

  private start(bytes: Uint8Array): Uint8Array {
    this.started = true;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.encoding = "utf-8";
      this.hadBom = true;
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = "utf-16le";
      this.hadBom = true;
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = "utf-16be";
      this.hadBom = true;
      return bytes.subarray(2);
    }
    if (this.encoding === null) {
      // ASCII text in UTF-16 without a BOM: every other byte is zero.
      let evenZeros = 0;
      let oddZeros = 0;
      const probe = Math.min(bytes.length, 512) & ~1;
      for (let i = 0; i < probe; i += 2) {
        if (bytes[i] === 0) evenZeros++;
        if (bytes[i + 1] === 0) oddZeros++;
      }
      const half = probe / 2;
      if (half > 0 && oddZeros > half * 0.6 && evenZeros < half * 0.1) this.encoding = "utf-16le";
      else if (half > 0 && evenZeros > half * 0.6 && oddZeros < half * 0.1) this.encoding = "utf-16be";
      else this.encoding = "utf-8";
    }
    return bytes;
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    switch (this.encoding) {
      case "windows-1252":
        return decodeWindows1252(bytes);
      case "utf-16le":
      case "utf-16be":
        this.utf16 ??= new TextDecoder(this.encoding);
        return this.utf16.decode(bytes, { stream });
      default:
        this.utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
        try {
          return this.utf8.decode(bytes, { stream });
        } catch {
          throw new NotUtf8Error();
        }
    }
  }
}

/** A whole byte array as text, with the encoding it was read in. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const decoder = new ByteDecoder();
    const text = decoder.write(bytes) + decoder.end();
    return { text, encoding: decoder.detected ?? "utf-8" };
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}
