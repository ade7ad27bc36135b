import type { RowExplanation } from "./explain";
import type { IsoDate } from "../dates";
import type { Problem } from "../problems";

export type PlanColumnKey = "nr" | "area" | "tiltak" | "maal" | "frist" | "okonomi" | "ansvar";

export const PLAN_COLUMN_KEYS: readonly PlanColumnKey[] = [
  "nr",
  "area",
  "tiltak",
  "maal",
  "frist",
  "okonomi",
  "ansvar",
];

/** Columns a plan must have; the others are checked when present. */
export const REQUIRED_COLUMNS: readonly PlanColumnKey[] = ["nr", "tiltak", "frist"];

/** The name shown to users when the sheet's own header text is not available. */
export const COLUMN_LABEL_NB: Record<PlanColumnKey, string> = {
  nr: "Nr",
  area: "Satsningsområde",
  tiltak: "Tiltak",
  maal: "Mål",
  frist: "Frist",
  okonomi: "Økonomi",
  ansvar: "Ansvar",
};

export interface ValidateOptions {
  sheet?: string;
  year?: number;
  available?: number | null;
  today?: IsoDate;
  /** Column letters chosen by the user; override detection. */
  mapping?: Partial<Record<PlanColumnKey, string>>;
  ledgerSheet?: string;
  /** Also give how each measure row's Økonomi and Frist were read (ValidationResult.explanation). */
  explain?: boolean;
}

export interface ValidationResult {
  sheet: string;
  planYear: number;
  /** 1-based header row (0 when none was found) and the column letter of each recognised column. */
  header: { row: number; columns: Partial<Record<PlanColumnKey, string>> };
  problems: Problem[];
  summary: {
    /** Measure rows checked (heading rows and blank rows not counted). */
    rows: number;
    errors: number;
    warnings: number;
    infos: number;
    /** RST-funded amounts for the plan year, a merged Økonomi cell counted once. */
    rstTotal: number;
    /** Granted + carried in for the plan year, when known. */
    available: number | null;
  };
  /** With ValidateOptions.explain: each measure row's reading, in sheet order. */
  explanation?: RowExplanation[];
}
