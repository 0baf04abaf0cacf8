// The compiler's public API: model → table, the test runner over a loaded table, and the table hash.

export { compile, type CompileOptions } from "./compile";
export { runTests, type TestOutcome, type TestReport } from "./test-runner";
export { canonicalJson, hashTable, sha256Hex } from "./hash";
export { analyzeProgram, analyzeFindings, type AnalyzeOptions, type Finding, type Undecided } from "./analyze";
