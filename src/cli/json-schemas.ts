/**
 * The JSON the `rst` commands print with --format json: the contract for scheduled jobs, defined
 * once. Objects are strict, so an unplanned field fails as surely as a missing one. The commands
 * build their output with the types inferred here (eval keeps its own recursive FormulaResult);
 * tests/cli parse the real output of the example workbook with these schemas.
 *
 * Classic zod: the CLI bundle's size does not matter (the task pane uses zod/mini).
 */
import * as z from "zod";
import { PLAN_COLUMN_KEYS } from "../core/plan";
import { PROBLEM_CODES, SEVERITIES } from "../core/problems";

/** An A1 address of one cell ("E12"), or "" when a problem is not tied to one cell. */
const CellSchema = z.string().regex(/^([A-Z]{1,3}[1-9]\d*)?$/, "en A1-adresse som «E12», eller tom");
/** Column letters "A" … "XFD". */
const LettersSchema = z.string().regex(/^[A-Z]{1,3}$/, "kolonnebokstaver som «E»");
const CountSchema = z.int().nonnegative();
/** 1-based sheet row; 0 when not tied to a row. */
const RowSchema = z.int().nonnegative();
/** NOK; finite (zod's number refuses NaN and ±Infinity, which JSON would print as null). */
const AmountSchema = z.number();
/** A four-digit year. */
const YearSchema = z.int().min(1000).max(9999);
const TextSchema = z.string().min(1);

export const SeveritySchema = z.enum(SEVERITIES);

export const ProblemJsonSchema = z.strictObject({
  code: z.enum(PROBLEM_CODES),
  severity: SeveritySchema,
  sheet: z.string(),
  cell: CellSchema,
  row: RowSchema,
  column: z.string(),
  value: z.string(),
  message: TextSchema,
});
export type ProblemJson = z.infer<typeof ProblemJsonSchema>;

/** `rst validate --explain --format json`: how each measure row was read. */
export const ExplanationJsonSchema = z.array(
  z.strictObject({
    row: RowSchema,
    nr: z.string(),
    okonomi: z
      .strictObject({
        cell: CellSchema,
        text: TextSchema,
        kind: z.enum(["amounts", "none", "unclear"]),
        reason: z.string().nullable(),
        sources: z.array(z.string()),
        rstForYear: AmountSchema,
        amounts: z.array(
          z.strictObject({
            value: AmountSchema,
            years: z.array(YearSchema),
            yearLabel: TextSchema,
            source: TextSchema,
            text: TextSchema,
            clause: z.string(),
            standing: z.enum(["counts", "other-year", "shared"]),
            note: z.string().nullable(),
          }),
        ),
      })
      .nullable(),
    frist: z
      .strictObject({
        cell: CellSchema,
        text: TextSchema,
        ok: z.boolean(),
        start: z.iso.date().nullable(),
        end: z.iso.date().nullable(),
        granularity: z.string().nullable(),
        label: TextSchema,
      })
      .nullable(),
  }),
);
export type ExplanationJson = z.infer<typeof ExplanationJsonSchema>;

/** `rst validate --format json`. */
export const ValidationJsonSchema = z
  .strictObject({
    file: TextSchema,
    sheet: z.string(),
    planYear: YearSchema,
    header: z.strictObject({
      row: RowSchema,
      columns: z.partialRecord(z.enum(PLAN_COLUMN_KEYS), LettersSchema),
    }),
    problems: z.array(ProblemJsonSchema),
    summary: z.strictObject({
      rows: CountSchema,
      errors: CountSchema,
      warnings: CountSchema,
      infos: CountSchema,
      rstTotal: AmountSchema,
      available: AmountSchema.nullable(),
    }),
    /** With --explain. */
    explanation: ExplanationJsonSchema.optional(),
  })
  .refine(
    ({ problems, summary }) =>
      summary.errors === problems.filter((p) => p.severity === "error").length &&
      summary.warnings === problems.filter((p) => p.severity === "warning").length &&
      summary.infos === problems.filter((p) => p.severity === "info").length,
    { message: "summary teller ikke de samme problemene som listen", path: ["summary"] },
  );
export type ValidationJson = z.infer<typeof ValidationJsonSchema>;

const LedgerYearJsonSchema = z
  .strictObject({
    year: YearSchema,
    granted: AmountSchema.nullable(),
    /** null when unknown (an earlier year's grant is blank): never a number that only looks known. */
    carriedIn: AmountSchema.nullable(),
    /** null when an allocation of the year has no known amount (then carriedOut is null too). */
    allocated: AmountSchema.nullable(),
    carriedOut: AmountSchema.nullable(),
  })
  .refine(
    (y) =>
      y.granted === null || y.carriedIn === null || y.allocated === null
        ? y.carriedOut === null
        : y.carriedOut !== null && Math.abs(y.granted + y.carriedIn - y.allocated - y.carriedOut) < 0.005,
    { message: "overført ut er ikke tildelt + overført inn − fordelt", path: ["carriedOut"] },
  );

/** `rst ledger --format json`. */
export const LedgerJsonSchema = z.strictObject({
  file: TextSchema,
  sheet: TextSchema,
  years: z
    .array(LedgerYearJsonSchema)
    .refine(
      (ys) => ys.every((y, i) => i === 0 || ys[i - 1].year < y.year),
      "årene står ikke i stigende rekkefølge",
    ),
  problems: z.array(ProblemJsonSchema),
});
export type LedgerJson = z.infer<typeof LedgerJsonSchema>;

/** `rst reconcile --format json`. */
export const ReconcileJsonSchema = z.strictObject({
  file: TextSchema,
  year: YearSchema,
  /** Sheets used ("" when not found). */
  sources: z.strictObject({
    register: z.string(),
    ledger: z.string(),
    plan: z.string(),
    planYear: YearSchema.nullable(),
  }),
  differences: z.array(
    z.strictObject({
      measure: TextSchema,
      register: AmountSchema.nullable(),
      ledger: AmountSchema.nullable(),
      plan: AmountSchema.nullable(),
      note: TextSchema,
    }),
  ),
  unmatched: z.array(TextSchema),
  /** Comparisons not made because a side is missing; not empty means no all-clear (exit 1). */
  notCompared: z.array(TextSchema),
  problems: z.array(
    z.strictObject({ severity: SeveritySchema, sheet: z.string(), cell: CellSchema, message: TextSchema }),
  ),
});
export type ReconcileJson = z.infer<typeof ReconcileJsonSchema>;

/** `rst report --format json`: what was written, and every register row left out with the reason. */
export const ReportJsonSchema = z.strictObject({
  out: TextSchema,
  /** Set when the sheet was written beside a sheet that is not ours (.xlsx). */
  note: TextSchema.nullable(),
  reports: z.array(
    z.strictObject({
      file: TextSchema,
      name: TextSchema,
      year: YearSchema,
      measures: CountSchema,
      trailers: CountSchema,
      total: AmountSchema,
      skipped: z.array(
        z.strictObject({
          row: RowSchema,
          name: z.string(),
          sum: AmountSchema.nullable(),
          reason: TextSchema,
        }),
      ),
      problems: z.array(
        z.strictObject({
          severity: SeveritySchema,
          sheet: z.string(),
          cell: CellSchema,
          message: TextSchema,
        }),
      ),
    }),
  ),
});
export type ReportJson = z.infer<typeof ReportJsonSchema>;

const ScalarSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** `rst eval --format json`: a scalar or rows of scalars, or an Excel error with a Norwegian message. */
export const EvalJsonSchema = z.union([
  z.strictObject({ value: z.union([ScalarSchema, z.array(z.array(ScalarSchema))]) }),
  z.strictObject({
    error: z.string().regex(/^#[A-Z0-9/]+[!?]?$/, "en Excel-feilkode som «#VALUE!»"),
    message: TextSchema,
  }),
]);
export type EvalJson = z.infer<typeof EvalJsonSchema>;

const MaybeAmount = AmountSchema.nullable();

/** `rst cost --format json`. */
export const CostJsonSchema = z.strictObject({
  file: TextSchema,
  sheet: TextSchema,
  scenario: z.strictObject({ id: TextSchema, name: TextSchema }),
  scenarios: z.array(
    z.strictObject({
      id: TextSchema,
      name: TextSchema,
      missions: MaybeAmount,
      annual: MaybeAmount,
      perMission: MaybeAmount,
      breakEven: MaybeAmount,
      saving: MaybeAmount,
    }),
  ),
  alternative: MaybeAmount,
  breakEven: MaybeAmount,
  sensitivity: z.array(
    z.strictObject({ missions: MaybeAmount, perMission: MaybeAmount, saving: MaybeAmount }),
  ),
  followUp: z.strictObject({
    budget: MaybeAmount,
    accounted: MaybeAmount,
    deviation: MaybeAmount,
    forecast: MaybeAmount,
    forecastDeviation: MaybeAmount,
  }),
});
export type CostJson = z.infer<typeof CostJsonSchema>;
