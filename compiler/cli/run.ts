// The process entry of the `route` bin: real stdio, real exit code.

import { nodeIo } from "./io";
import { main } from "./main";

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal-error: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
