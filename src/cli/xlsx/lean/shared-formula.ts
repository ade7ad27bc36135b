/**
 * A shared formula's text in a dependent cell: the master's formula with its relative
 * references moved by the offset, as exceljs's slideFormula (utils/shared-formula.js) does it.
 */
import { columnIndex, columnLetters } from "../../../core/grid";

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const MAX_COL = 16384;

export function slideFormula(
  formula: string,
  fromRow: number,
  fromCol: number,
  toRow: number,
  toCol: number,
): string {
  return formula.replace(
    CANDIDATE,
    (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = CELL_REF.exec(addr);
      if (!m) return match;
      const colText = m[2].toUpperCase();
      if (colText.length > 3 || (colText.length === 3 && colText > "XFD")) return match; // a name
      let col = columnIndex(colText);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += toCol - fromCol;
      if (!m[3]) row += toRow - fromRow;
      if (col < 0 || col >= MAX_COL) return match; // exceljs throws here; keep the text as written
      return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col)}${m[3] ?? ""}${row}`;
    },
  );
}
