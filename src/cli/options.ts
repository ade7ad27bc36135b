/**
 * Options several commands share: their definitions and value parsers (bad values are
 * usage errors, exit 2).
 */
import { InvalidArgumentError, Option } from "commander";
import { parseAmounts, parseNokNumber } from "../core/amount";
import { UsageError } from "./errors";

export type OutputFormat = "text" | "json";

export function parseFormat(value: string): OutputFormat {
  const v = value.trim().toLowerCase();
  if (v === "text" || v === "json") return v;
  throw new InvalidArgumentError(`«${value}» er ikke et gyldig format; bruk text eller json.`);
}

export function parseYear(value: string): number {
  const v = value.trim();
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 2000 || n > 2100) {
    throw new InvalidArgumentError(`«${value}» er ikke et årstall; skriv for eksempel 2026.`);
  }
  return n;
}

/** Norwegian money text: "9 760 030", "9760030", "kr 9 760 030", "9,7 mill". */
export function parseAvailable(value: string): number {
  const whole = parseNokNumber(value);
  if (whole !== null) return whole;
  const parsed = parseAmounts(value);
  if (parsed.kind === "amounts" && parsed.amounts.length === 1) return parsed.amounts[0].value;
  throw new InvalidArgumentError(
    `«${value}» er ikke et beløp; skriv for eksempel "9 760 030" eller "9,7 mill".`,
  );
}

/** --format text|json, text unless given. */
export function formatOption(): Option {
  return new Option("--format <text|json>", "utdataformat").argParser(parseFormat).default("text");
}

/** --quiet: no progress lines on stderr for big files. */
export function quietOption(): Option {
  return new Option("--quiet", "ingen fremdriftsmeldinger");
}

/** --sheet for the commands that read the årlig melding's register. */
export function registerSheetOption(): Option {
  return new Option("--sheet <navn>", "arket med tiltakene (ellers «Årlig melding» eller «Tiltaksregister»)");
}

/** --year for the årlig melding; required, but checked by requireReportYear so the message is Norwegian. */
export function reportYearOption(): Option {
  return new Option("--year <åååå>", "året meldingen gjelder (påkrevd)").argParser(parseYear);
}

export function requireReportYear(year: number | undefined): number {
  if (year === undefined)
    throw new UsageError(`Oppgi året meldingen gjelder med --year, f.eks. --year 2025.`);
  return year;
}
