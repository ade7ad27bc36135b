import * as React from "react";
import type { ValidationResult } from "../core/plan";
import type { GridWorkbook } from "../core/grid";

/** The last validation, shared so the RST tab can show the plan total without re-running it. */
export interface LastCheck {
  result: ValidationResult;
  workbook: GridWorkbook;
}

interface CheckState {
  last: LastCheck | null;
  setLast: (check: LastCheck | null) => void;
}

const CheckContext = React.createContext<CheckState>({ last: null, setLast: () => undefined });

export function CheckProvider({ children }: { children: React.ReactNode }) {
  const [last, setLast] = React.useState<LastCheck | null>(null);
  const value = React.useMemo(() => ({ last, setLast }), [last]);
  return <CheckContext.Provider value={value}>{children}</CheckContext.Provider>;
}

export function useLastCheck(): CheckState {
  return React.useContext(CheckContext);
}
