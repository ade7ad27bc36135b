/**
 * The small parts of an .xlsx the lean reader needs besides the sheets: the workbook (sheet
 * names, order, date system), relationships, shared strings and the number formats of the cell
 * styles. Each mirrors what exceljs 4.4 reads from the same part (named per function), so the
 * lean grid equals the exceljs one; where exceljs misreads a file, the difference is named.
 */
import { localName, parseXml, parseXmlTags } from "./xml";

export interface SheetRef {
  name: string;
  sheetId: number;
  rId: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetRef[];
  /** workbookPr date1904 (exceljs accepts only "1"; "true" is the same boolean in the schema). */
  date1904: boolean;
}

/** exceljs utils.xmlDecode: exceljs decodes entities a second time in sheet names and "str" cells. */
export function xmlDecodeTwice(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** exceljs TextXform: `_xHHHH_` escapes (upper-case hex) in <t> of shared strings and runs. */
export function decodeXEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** xl/workbook.xml (exceljs WorkbookXform, SheetXform, WorkbookPropertiesXform). */
export function parseWorkbook(bytes: Uint8Array): WorkbookPart {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(bytes, {
    open(name, a) {
      if (name === "sheet") {
        let sheetName = xmlDecodeTwice(a.name ?? "");
        // exceljs's Worksheet truncates longer names (Excel allows at most 31 characters)
        if (sheetName.length > 31) sheetName = sheetName.slice(0, 31);
        sheets.push({ name: sheetName, sheetId: parseInt(a.sheetId, 10), rId: a["r:id"] });
      } else if (name === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      }
    },
    close() {},
  });
  return { sheets, date1904 };
}

/** A .rels part: Id → Target. */
export function parseRels(bytes: Uint8Array): Map<string, string> {
  const rels = new Map<string, string>();
  parseXml(bytes, {
    open(name, a) {
      if (name === "Relationship" && a.Id !== undefined) rels.set(a.Id, a.Target ?? "");
    },
    close() {},
  });
  return rels;
}

/**
 * xl/sharedStrings.xml (exceljs SharedStringXform): each <si> is its plain <t> text or its runs'
 * texts joined (the grid keeps rich text as plain text); phonetic runs (<rPh>) are left out.
 */
export function parseSharedStrings(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let inSi = false;
  let depthRph = 0;
  let inRun = false;
  let inT = false;
  let tText = "";
  let plain: string | undefined;
  let runs: string[] | undefined;
  // saxes's tags straight to these handlers (a plan has a shared string per row or more)
  parseXmlTags((sink) => sink(bytes), {
    openTag(tag) {
      const name = localName(tag.name);
      if (name === "si") {
        inSi = true;
        plain = undefined;
        runs = undefined;
      } else if (!inSi) return;
      else if (name === "rPh") depthRph++;
      else if (depthRph > 0) return;
      else if (name === "r") inRun = true;
      else if (name === "t") {
        inT = true;
        tText = "";
      }
    },
    text(t) {
      if (inT) tText += t;
    },
    closeTag(tag) {
      if (!inSi) return;
      const name = localName(tag.name);
      if (name === "rPh") depthRph--;
      else if (depthRph > 0) return;
      else if (name === "t" && inT) {
        inT = false;
        const text = decodeXEscapes(tText);
        if (inRun) (runs ??= []).push(text);
        else plain = text;
      } else if (name === "r") inRun = false;
      else if (name === "si") {
        inSi = false;
        out.push(runs ? runs.join("") : (plain ?? ""));
      }
    },
  });
  return out;
}

/** Built-in number formats exceljs knows (defaultnumformats.js; the locale-only ids have none). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** exceljs utils.isDateFmt. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

export interface CellStyle {
  numFmt: string | undefined;
  isDate: boolean;
}

/**
 * xl/styles.xml → the number format of each cell style (<cellXfs> index), as exceljs
 * StylesXform.getStyleModel gives it: custom <numFmt> codes (backslash escapes removed) before
 * the built-in table; numFmtId 0 or missing means none.
 */
export function parseStyles(bytes: Uint8Array): CellStyle[] {
  const custom = new Map<number, string>();
  const xfNumFmtIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  parseXml(bytes, {
    open(name, a) {
      if (name === "cellXfs") inCellXfs = true;
      else if (name === "numFmts") inNumFmts = true;
      else if (name === "xf" && inCellXfs) xfNumFmtIds.push(parseInt(a.numFmtId, 10));
      else if (name === "numFmt" && inNumFmts && a.formatCode !== undefined)
        custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
      else if (name === "numFmts") inNumFmts = false;
    },
  });
  return xfNumFmtIds.map((id) => {
    const numFmt = id ? custom.get(id) || BUILT_IN_FORMATS[id] || undefined : undefined;
    return { numFmt, isDate: isDateFormat(numFmt) };
  });
}
