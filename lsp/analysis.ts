// Runs the rule analysis (shadowed rules, unmatched records, asserts) off the
// typing path: in a worker thread when the bundle can start one, else in this
// thread after the quick diagnostics are out. Only the newest request per
// entry file runs; the caller drops results for a text that has since changed.

import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../language/diagnostics/diagnostic";
import { checkProgram } from "../language/semantics/check";
import type { ParseCache } from "../language/semantics/workspace";
import { IncrementalParseCache } from "./incremental-parse";
import { analyze } from "./analyzer";

export interface AnalysisRequest {
  id: number;
  entry: string;
  /** Every file the entry loads, by path. */
  files: Record<string, string>;
}

export interface AnalysisResponse {
  id: number;
  diagnostics: Diagnostic[];
  error?: string;
}

/** Checks and analyses one workspace snapshot; keeps parses between calls. */
export function analyzeSnapshot(request: AnalysisRequest, cache: ParseCache): Diagnostic[] {
  const host = { readFile: (path: string) => request.files[path] };
  const checked = checkProgram(request.entry, host, { cache });
  if (checked.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return [];
  return analyze(checked.value);
}

/** The worker side: answers requests on its port until the server exits. */
export function runAnalysisWorker(port: { on(event: "message", listener: (request: AnalysisRequest) => void): void; postMessage(response: AnalysisResponse): void }): void {
  const cache: ParseCache = new IncrementalParseCache();
  port.on("message", (request) => {
    try {
      port.postMessage({ id: request.id, diagnostics: analyzeSnapshot(request, cache) });
    } catch (error) {
      port.postMessage({ id: request.id, diagnostics: [], error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

type Pending = { request: AnalysisRequest; resolve: (diagnostics: Diagnostic[] | undefined) => void };

export class AnalysisRunner {
  private worker: Worker | undefined;
  private readonly cache: ParseCache = new IncrementalParseCache();
  private nextId = 1;
  private running: Pending | undefined;
  /** Newest waiting request per entry file; older ones resolve undefined (superseded). */
  private readonly waiting = new Map<string, Pending>();

  constructor(workerScript: string | undefined, private readonly log: (message: string) => void) {
    if (workerScript) {
      try {
        this.worker = new Worker(workerScript);
        this.worker.unref();
        this.worker.on("message", (response: AnalysisResponse) => this.finish(response));
        this.worker.on("error", (error) => {
          this.log(`analysis worker stopped, analysing in the server thread from now on: ${String(error)}`);
          this.worker = undefined;
          const running = this.running;
          this.running = undefined;
          running?.resolve(undefined);
          this.pump();
        });
      } catch (error) {
        this.log(`no analysis worker (${String(error)}); analysing in the server thread`);
        this.worker = undefined;
      }
    }
  }

  analyze(entry: string, files: Record<string, string>): Promise<Diagnostic[] | undefined> {
    return new Promise((resolve) => {
      this.waiting.get(entry)?.resolve(undefined);
      this.waiting.set(entry, { request: { id: this.nextId++, entry, files }, resolve });
      this.pump();
    });
  }

  dispose(): void {
    void this.worker?.terminate();
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [entry, pending] = next.value;
    this.waiting.delete(entry);
    this.running = pending;
    if (this.worker) {
      this.worker.postMessage(pending.request);
      return;
    }
    // In-thread: yield first so queued edits and requests are served before the analysis runs.
    setImmediate(() => {
      let response: AnalysisResponse;
      try {
        response = { id: pending.request.id, diagnostics: analyzeSnapshot(pending.request, this.cache) };
      } catch (error) {
        response = { id: pending.request.id, diagnostics: [], error: String(error) };
      }
      this.finish(response);
    });
  }

  private finish(response: AnalysisResponse): void {
    const running = this.running;
    this.running = undefined;
    if (response.error) this.log(`analysis failed: ${response.error}`);
    if (running && running.request.id === response.id) running.resolve(response.error ? undefined : response.diagnostics);
    this.pump();
  }
}
