/**
 * Excel custom functions. Each wrapper carries the JSDoc that custom-functions-metadata
 * turns into functions.json (and the CustomFunctions.associate calls); the work is done in
 * impl.ts. Parameters are typed `any` so that Norwegian amount text and deadline text reach
 * impl.ts, which answers bad input with a Norwegian message instead of Excel's bare #VALUE!.
 * A FunctionError is returned (never thrown) as a CustomFunctions.Error, which puts the
 * error with its message in the cell; outside Excel the FunctionError itself is returned.
 */
import { FUNCTIONS, FunctionError, type FnResult } from "./impl";

const EXCEL_CODES = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#REF!": "invalidReference",
} as const;

/** A FunctionError as Excel's error object (or unchanged outside Excel, e.g. in Node tests). */
function toExcelError(e: FunctionError): unknown {
  if (typeof CustomFunctions === "undefined") return e;
  const code = CustomFunctions.ErrorCode[EXCEL_CODES[e.code]];
  // Excel shows a message only with #VALUE! and #N/A.
  return e.code === "#VALUE!" || e.code === "#N/A"
    ? new CustomFunctions.Error(code, e.message)
    : new CustomFunctions.Error(code);
}

/** What a wrapper hands back to Excel: a value, or an error object returned in its place. */
type Returned = Exclude<FnResult, FunctionError> | { readonly excelError: unknown };

function call(name: string, ...args: unknown[]): Returned {
  const result = FUNCTIONS[name](...args);
  if (result instanceof FunctionError) return { excelError: toExcelError(result) };
  return result;
}

function isError(r: Returned): r is { readonly excelError: unknown } {
  return typeof r === "object" && r !== null && !Array.isArray(r) && "excelError" in r;
}

function asNumber(name: string, ...args: unknown[]): number {
  const r = call(name, ...args);
  // Excel takes an error object where a value is declared; TypeScript needs the cast.
  if (isError(r)) return r.excelError as number;
  if (typeof r !== "number")
    return toExcelError(new FunctionError("#VALUE!", `${name} ga ikke et tall`)) as number;
  return r as number;
}

function asMatrix(name: string, ...args: unknown[]): number[][] {
  const r = call(name, ...args);
  // Excel takes an error object where a value is declared; TypeScript needs the cast.
  if (isError(r)) return r.excelError as number[][];
  if (!Array.isArray(r))
    return toExcelError(new FunctionError("#VALUE!", `${name} ga ikke et område`)) as number[][];
  return r as number[][];
}

function asAnyMatrix(name: string, ...args: unknown[]): unknown[][] {
  const r = call(name, ...args);
  // Excel takes an error object where a value is declared; TypeScript needs the cast.
  if (isError(r)) return r.excelError as unknown[][];
  if (!Array.isArray(r))
    return toExcelError(new FunctionError("#VALUE!", `${name} ga ikke et område`)) as unknown[][];
  return r;
}

function asString(name: string, ...args: unknown[]): string {
  const r = call(name, ...args);
  // Excel takes an error object where a value is declared; TypeScript needs the cast.
  if (isError(r)) return r.excelError as string;
  if (typeof r !== "string")
    return toExcelError(new FunctionError("#VALUE!", `${name} ga ikke tekst`)) as string;
  return r as string;
}

/**
 * Saldo for RST-tilskuddet: tildelt + overført fra året før − summen av bevilgningene.
 * @customfunction RST.BALANCE
 * @helpurl https://localhost:3000/help/rst-balance.html
 * @param {any} granted Tildelt tilskudd for året i kroner, f.eks. 6 960 000.
 * @param {any[][]} allocations Området med årets bevilgninger. Tomme celler hoppes over.
 * @param {any} [carriedIn] Overført fra året før i kroner (negativt ved forskuttering). Tom = 0.
 * @returns {number} Det som er igjen å bevilge i kroner.
 */
export function rstBalance(granted: any, allocations: any[][], carriedIn?: any): number {
  return asNumber("RST.BALANCE", granted, allocations, carriedIn);
}

/**
 * Overføring til neste år for hvert år: tildelt + overført inn − bevilget. Negativt beløp er forskuttert fra neste års tilskudd.
 * @customfunction RST.CARRYOVER
 * @helpurl https://localhost:3000/help/rst-carryover.html
 * @param {any[][]} granted Tildelt tilskudd, én rad per år i årsrekkefølge.
 * @param {any[][]} allocated Bevilget samme år, like mange rader som granted.
 * @param {any} [openingCarry] Overført inn i det første året. Tom = 0.
 * @returns {number[][]} Det hvert år overfører til neste år (sølt kolonne).
 */
export function rstCarryover(granted: any[][], allocated: any[][], openingCarry?: any): number[][] {
  return asMatrix("RST.CARRYOVER", granted, allocated, openingCarry);
}

/**
 * Den delen av en flerårig bevilgning som faller i et gitt år, fordelt likt per hele måned (delmåneder etter dager), i hele kroner.
 * @customfunction RST.PERIODIZE
 * @helpurl https://localhost:3000/help/rst-periodize.html
 * @param {any} amount Bevilget beløp i kroner for hele perioden.
 * @param {any} start Startdato, eller periodetekst som «nov.25-okt.27» (da brukes periodens start).
 * @param {any} end Sluttdato eller fristtekst (da brukes fristens siste dag). Tom når start er en periode.
 * @param {any} year Året du vil ha beløpet for, f.eks. 2026.
 * @returns {number} Beløpet som faller i året, i hele kroner.
 */
export function rstPeriodize(amount: any, start: any, end: any, year: any): number {
  return asNumber("RST.PERIODIZE", amount, start, end, year);
}

/**
 * Forfallsdato for en frist skrevet som tekst, f.eks. «3.kvartal 2026» eller «2.halvår», som Excel-dato.
 * @customfunction MEASURE.DUE
 * @helpurl https://localhost:3000/help/measure-due.html
 * @param {any} deadline Fristen som tekst eller dato.
 * @param {any} [planYear] Året planen gjelder, brukes når fristen ikke nevner år.
 * @returns {number} Siste dag i fristen som Excel-dato (formater cellen som dato).
 */
export function measureDue(deadline: any, planYear?: any): number {
  return asNumber("MEASURE.DUE", deadline, planYear);
}

/**
 * Startdato for en frist skrevet som tekst, f.eks. «nov.25-okt.27» eller «fra 2027», som Excel-dato.
 * @customfunction MEASURE.START
 * @helpurl https://localhost:3000/help/measure-start.html
 * @param {any} deadline Fristen som tekst eller dato.
 * @param {any} [planYear] Året planen gjelder, brukes når fristen ikke nevner år.
 * @returns {number} Første dag i fristen som Excel-dato (formater cellen som dato).
 */
export function measureStart(deadline: any, planYear?: any): number {
  return asNumber("MEASURE.START", deadline, planYear);
}

/**
 * Dager igjen til fristen forfaller, negativt når fristen er passert.
 * @customfunction MEASURE.DAYSLEFT
 * @helpurl https://localhost:3000/help/measure-daysleft.html
 * @volatile
 * @param {any} deadline Fristen som tekst eller dato.
 * @param {any} [today] Dagens dato. Tom = i dag.
 * @returns {number} Antall dager til forfall.
 */
export function measureDaysLeft(deadline: any, today?: any): number {
  return asNumber("MEASURE.DAYSLEFT", deadline, today);
}

/**
 * Status for et tiltak ut fra fristen: Fullført, Forfalt, Forfaller snart (innen 30 dager), I rute eller Mangler frist.
 * @customfunction MEASURE.STATUS
 * @helpurl https://localhost:3000/help/measure-status.html
 * @volatile
 * @param {any} deadline Fristen som tekst eller dato.
 * @param {any} [done] Om tiltaket er fullført: ja, x, SANN eller 1.
 * @param {any} [today] Dagens dato. Tom = i dag.
 * @returns {string} Statusteksten.
 */
export function measureStatus(deadline: any, done?: any, today?: any): string {
  return asString("MEASURE.STATUS", deadline, done, today);
}

/**
 * Viser hvordan en frist er lest: start, slutt, granularitet og hvilke regler som ble brukt (sølt område).
 * @customfunction MEASURE.EXPLAIN
 * @helpurl https://localhost:3000/help/measure-explain.html
 * @param {any} deadline Fristen som tekst eller dato, f.eks. «nov.25-okt.27» eller «fra 2027».
 * @param {any} [planYear] Året planen gjelder, brukes når fristen ikke nevner år.
 * @returns {string[][]} To kolonner: hva og verdi, én rad per del av lesingen.
 */
export function measureExplain(deadline: any, planYear?: any): string[][] {
  return asAnyMatrix("MEASURE.EXPLAIN", deadline, planYear) as string[][];
}

/**
 * Beløpet i en tekst som «410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr». Flere beløp summeres.
 * @customfunction NOK.PARSE
 * @helpurl https://localhost:3000/help/nok-parse.html
 * @param {any} text Teksten med beløpet.
 * @param {any} [year] Bare beløp som ikke er knyttet til et annet år.
 * @param {any} [source] Bare beløp fra denne finansieringskilden, f.eks. RST.
 * @returns {number} Beløpet i kroner.
 */
export function nokParse(text: any, year?: any, source?: any): number {
  return asNumber("NOK.PARSE", text, year, source);
}

/**
 * Viser hvordan en beløpstekst ble lest: én rad per beløp med beløp, år, kilde, teksten det står i og om det teller for året.
 * @customfunction NOK.EXPLAIN
 * @helpurl https://localhost:3000/help/nok-explain.html
 * @param {any} text Teksten med beløpene, f.eks. en celle i økonomi-kolonnen.
 * @param {any} [year] Året du vil vite om beløpene teller for, f.eks. 2026.
 * @returns {any[][]} En overskriftsrad og én rad per beløp (sølt område).
 */
export function nokExplain(text: any, year?: any): any[][] {
  return asAnyMatrix("NOK.EXPLAIN", text, year);
}

/**
 * Årskostnad: faste kostnader + lineære avskrivninger (pris delt på levetid) + driftskostnader.
 * @customfunction COST.ANNUAL
 * @helpurl https://localhost:3000/help/cost-annual.html
 * @param {any[][]} fixed Faste kostnader per år, f.eks. lønn med sosiale utgifter (summeres).
 * @param {any[][]} prices Innkjøpspris for hver investering.
 * @param {any[][]} years Levetid i år for hver investering (én celle gjelder alle).
 * @param {any[][]} running Driftskostnader per år (summeres).
 * @returns {number} Årskostnaden i kroner.
 */
export function costAnnual(fixed: any[][], prices: any[][], years: any[][], running: any[][]): number {
  return asNumber("COST.ANNUAL", fixed, prices, years, running);
}

/**
 * Kostnad per oppdrag: årskostnad delt på antall oppdrag i året.
 * @customfunction COST.PERUNIT
 * @helpurl https://localhost:3000/help/cost-perunit.html
 * @param {any} annualCost Årskostnaden i kroner.
 * @param {any} units Antall oppdrag i året.
 * @returns {number} Kostnaden per oppdrag i kroner (uavrundet).
 */
export function costPerUnit(annualCost: any, units: any): number {
  return asNumber("COST.PERUNIT", annualCost, units);
}

/**
 * Antall oppdrag i året som trengs før tiltaket lønner seg mot alternativet, rundet opp.
 * @customfunction COST.BREAKEVEN
 * @helpurl https://localhost:3000/help/cost-breakeven.html
 * @param {any} annualCost Årskostnaden i kroner.
 * @param {any} alternativeUnitCost Kostnaden per oppdrag med alternativet, f.eks. 30 000.
 * @returns {number} Antall oppdrag.
 */
export function costBreakeven(annualCost: any, alternativeUnitCost: any): number {
  return asNumber("COST.BREAKEVEN", annualCost, alternativeUnitCost);
}

/**
 * Fordeler et beløp mellom parter etter vekter (innbyggertall, bruk) i hele kroner som summerer nøyaktig til beløpet.
 * @customfunction COST.SHARE
 * @helpurl https://localhost:3000/help/cost-share.html
 * @param {any} total Beløpet som skal fordeles.
 * @param {any[][]} weights Vekt for hver part, én kolonne eller én rad. Like vekter gir lik fordeling.
 * @returns {number[][]} Hver parts andel i kroner, i samme retning som vektene.
 */
export function costShare(total: any, weights: any[][]): number[][] {
  return asMatrix("COST.SHARE", total, weights);
}

/**
 * Prognose for året ut fra forbruket så langt: brukt delt på gjennomførte enheter ganger planlagte enheter.
 * @customfunction COST.FORECAST
 * @helpurl https://localhost:3000/help/cost-forecast.html
 * @param {any} spentToDate Brukt så langt i kroner.
 * @param {any} unitsDone Antall gjennomførte enheter (møter, oppdrag).
 * @param {any} unitsTotal Antall planlagte enheter i året.
 * @returns {number} Forventet forbruk for året i kroner.
 */
export function costForecast(spentToDate: any, unitsDone: any, unitsTotal: any): number {
  return asNumber("COST.FORECAST", spentToDate, unitsDone, unitsTotal);
}
