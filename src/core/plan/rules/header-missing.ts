/** header-missing (error): a required column (Nr, Tiltak, Frist) was not found. */
import type { Problem } from "../../problems";
import type { HeaderInfo } from "../headers";
import { COLUMN_LABEL_NB, PLAN_COLUMN_KEYS, REQUIRED_COLUMNS } from "../types";

/** "Nr, Tiltak og Frist" */
export function listNb(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/**
 * One error naming the missing columns and the headers that were found.
 * `candidate` is the best header row seen (or undefined when nothing was recognised).
 */
export function headerMissingProblem(
  sheet: string,
  candidate: HeaderInfo | undefined,
  searched: string,
): Problem {
  const missing = REQUIRED_COLUMNS.filter((k) => candidate?.columns[k] === undefined).map(
    (k) => COLUMN_LABEL_NB[k],
  );
  const found = PLAN_COLUMN_KEYS.filter((k) => candidate?.columns[k] !== undefined).map(
    (k) => `«${candidate!.names[k]}»`,
  );
  const foundText = found.length
    ? `Fant ${listNb(found)} i rad ${candidate!.row + 1}.`
    : "Fant ingen kjente kolonneoverskrifter.";
  return {
    code: "header-missing",
    severity: "error",
    sheet,
    cell: "",
    row: found.length && candidate ? candidate.row + 1 : 0,
    column: missing.join(", "),
    value: "",
    message:
      `Fant ikke ${missing.length === 1 ? "kolonnen" : "kolonnene"} ${listNb(missing.map((m) => `«${m}»`))} i ${searched}. ${foundText} ` +
      `Handlingsplanen trenger en overskriftsrad med minst Nr, Tiltak og Frist (blant de første 20 radene), ` +
      `eller velg kolonnene selv.`,
  };
}
