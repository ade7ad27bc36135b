// Minimal typings for the parts of fast-formula-parser (MIT) the CLI uses.
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet?: string;
    row: number; // 1-based
    col: number; // 1-based
    address?: string;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => unknown;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    details?: unknown;
    static DIV0: FormulaError;
    static NA: FormulaError;
    static NAME: FormulaError;
    static NULL: FormulaError;
    static NUM: FormulaError;
    static REF: FormulaError;
    static VALUE: FormulaError;
  }
  export const MAX_ROW: number;
  export const MAX_COLUMN: number;
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      allowReturnArray?: boolean,
    ): unknown;
  }
}

// The operators module (formulas/operators.js): its Infix object is what the grammar calls.
declare module "fast-formula-parser/formulas/operators" {
  type InfixOp = (
    value1: unknown,
    infix: string,
    value2: unknown,
    isArray1: boolean,
    isArray2: boolean,
  ) => unknown;
  export const Infix: { compareOp: InfixOp; concatOp: InfixOp; mathOp: InfixOp };
  export const Prefix: { unaryOp: (prefixes: string[], value: unknown, isArray: boolean) => unknown };
}

// The logical built-ins (formulas/functions/logical.js), copied into each parser when it is made.
declare module "fast-formula-parser/formulas/functions/logical" {
  import type { FunctionArg } from "fast-formula-parser";
  type Fn = (...params: FunctionArg[]) => unknown;
  const Logical: { AND: Fn; OR: Fn } & Record<string, Fn>;
  export default Logical;
}
