import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared styles of the cost tab: compact, fits 320–350 px. */
export const useCostStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, paddingBottom: "4px" },
  captionText: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
  },
  td: {
    textAlign: "right",
    padding: "3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  left: { textAlign: "left" },
  municipalities: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  municipality: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: "6px",
    rowGap: "2px",
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  municipalityName: { flex: "1 1 6em", minWidth: 0, fontSize: tokens.fontSizeBase200, padding: 0 },
  numberField: { flex: "1 1 6.5em", minWidth: 0, display: "flex", flexDirection: "column" },
  fieldLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  input: { minWidth: 0, width: "100%" },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  invalid: { color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase200 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  figures: { display: "flex", flexDirection: "column", rowGap: "2px", margin: 0 },
  figure: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: "8px",
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: {
    margin: 0,
    marginLeft: "auto",
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
});

/** Norwegian amount typed by the user ("12 000", "12000") → number, "" → null, otherwise NaN. */
export function parseTyped(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
