/**
 * Every `rst` sub-command, in the order `rst --help` lists them.
 * To add one: write commands/<name>.ts exporting a CliCommand and add it here with one line.
 */
import type { CliCommand } from "../context";
import { costCommand } from "./cost";
import { demoCommand } from "./demo";
import { evalCommand } from "./eval";
import { ledgerCommand } from "./ledger";
import { reconcileCommand } from "./reconcile";
import { reportCommand } from "./report";
import { validateCommand } from "./validate";

export const COMMANDS: CliCommand[] = [
  validateCommand,
  ledgerCommand,
  reportCommand,
  reconcileCommand,
  costCommand,
  evalCommand,
  demoCommand,
];
