// Builds small hostile .xlsx files byte by byte (a stored zip of hand-written XML), for shapes no spreadsheet application would write.
import { crc32 } from "node:zlib";
import { readEntryText, zipEntries } from "../../src/local/emulation/zip-entries";

export interface Part {
  name: string;
  text: string;
}

/** A zip archive of the parts, uncompressed (method 0), which every reader accepts. */
function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = Buffer.from(part.text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface CraftedSheet {
  name: string;
  /** The <sheetData> rows, and anything after them (mergeCells, dataValidations). */
  body: string;
}

/** A workbook of the given sheets (and defined names, as workbook XML), small enough to fit in a test's head. */
export function craftXlsx(sheets: readonly CraftedSheet[], definedNames = "", extraParts: readonly Part[] = []): Buffer {
  const types = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  return zip([
    { name: "[Content_Types].xml", text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types}</Types>` },
    { name: "_rels/.rels", text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${definedNames}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${s.body}</worksheet>` })),
    ...extraParts,
  ]);
}

/** A copy of a workbook (all of whose parts are XML) with more parts added, such as a chart no reader here writes back. */
export async function withExtraParts(data: Buffer, extra: readonly Part[]): Promise<Buffer> {
  const parts: Part[] = [];
  for (const entry of zipEntries(data)) {
    let text = "";
    await readEntryText(data, entry, 64 * 1024 * 1024, (t) => (text += t));
    parts.push({ name: entry.name, text });
  }
  return zip([...parts, ...extra]);
}

/** A header and one data row in inline strings and numbers: a valid, tiny data sheet. */
export function smallSheetData(extraRows = ""): string {
  return `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Sessions</t></is></c><c r="C1" t="inlineStr"><is><t>Leads</t></is></c></row><row r="2"><c r="A2"><v>45658</v></c><c r="B2"><v>10</v></c><c r="C2"><v>2</v></c></row>${extraRows}</sheetData>`;
}
