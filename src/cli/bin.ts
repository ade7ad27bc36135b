/**
 * The `rst` executable (bundled to dist/cli/rst.js). Kept apart from rst.ts so that code
 * importing main() (tests, bench) never runs the command line of its own process.
 */
import { errorMessage } from "./errors";
import { installProcessHandlers, main } from "./rst";

installProcessHandlers();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Uventet feil: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  },
);
