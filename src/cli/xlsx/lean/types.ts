/** Options shared by both readers (the lean one here and exceljs's in ../read.ts). */
export interface ReadProgress {
  phase: "read" | "convert";
  sheet?: string;
  /** Rows converted so far in this sheet (convert phase). */
  rows: number;
  totalRows: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Only these sheets (by name); all when omitted. */
  sheets?: string[];
}
