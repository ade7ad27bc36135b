/** What the preview's grid needs from the fake host, independent of how the fake stores it. */
import type { Area } from "../core/grid";

export interface PreviewCell {
  text: string;
  /** CSS colour, e.g. "#FFC7CE"; null/undefined = no fill. */
  fill?: string | null;
  note?: string | null;
}

export interface PreviewSheet {
  name: string;
  rows: PreviewCell[][];
  merges: Area[];
}

export interface PreviewSelection {
  sheet: string;
  /** "B3" or "B3:C4" */
  address: string;
}

export interface PreviewHost {
  sheets(): PreviewSheet[];
  selection(): PreviewSelection | null;
  select(sheet: string, address: string): void;
  /** Type into a cell as a user would (fires the sheet's change events). */
  edit(sheet: string, address: string, text: string): void;
  /** Called after anything in the workbook changed; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}
