/**
 * A minimal .xlsx from hand-written sheet XML (zipped with fflate), for cells no exceljs write
 * produces: inline strings, cells without addresses, ISO dates, CDATA, other writers' quirks.
 */
import { strToU8, zipSync } from "fflate";
import { writeFileSync } from "node:fs";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface HandSheet {
  name: string;
  /** The content of <sheetData>. */
  data: string;
  /** XML after </sheetData> (mergeCells, hyperlinks). */
  after?: string;
  rels?: string;
}

/**
 * Styles: s="1" dd.mm.yyyy (custom 164), s="2" #,##0 (built-in 3), s="3" 0% (built-in 9).
 * Shared strings: the given list.
 */
export function writeHandXlsx(path: string, sheets: HandSheet[], sharedStrings: string[] = []): void {
  const files: Record<string, Uint8Array> = {};
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R_NS}><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/><xf numFmtId="9"/></cellXfs></styleSheet>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${sharedStrings.map((s) => `<si>${s}</si>`).join("")}</sst>`,
  );
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`,
    );
    if (s.rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(s.rels);
  });
  writeFileSync(path, zipSync(files));
}
