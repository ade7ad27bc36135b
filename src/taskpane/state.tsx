import * as React from "react";
import type { LastCheck } from "./kontroll/state";

export type { LastCheck } from "./kontroll/state";

/** The last validation, shared so the RST tab can show the plan total without re-running it. */
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
