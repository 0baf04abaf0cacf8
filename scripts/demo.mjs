// The README's first command: check, compile, match and test the samples, so a
// newcomer sees what the tool does. Each step prints the command it runs.
import { spawnSync } from "node:child_process";

const steps = [
  ["check", "samples/"],
  ["compile", "samples/acme.route", "-o", "dist/acme.table.json"],
  [
    "match", "dist/acme.table.json", "--router", "inbound", "--at", "2026-12-01T09:00Z", "--record",
    JSON.stringify({ region: "EMEA", country: "DE", employees: 5000, products: ["Payroll"], source: "Inbound", is_customer: false, language: "en", email: "cfo@bigco.de" }),
  ],
  ["test", "samples/"],
];

let failed = false;
for (const args of steps) {
  const shown = args.map((a) => (/[\s"{}|]/.test(a) ? `'${a}'` : a)).join(" ");
  process.stdout.write(`\n$ route ${shown}\n`);
  const result = spawnSync(process.execPath, ["bin/route.js", ...args], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
