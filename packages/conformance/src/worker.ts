/**
 * Runs one compiled snippet module per message and returns its outputs in a form
 * that survives structured cloning. Lives in its own thread so the pool can
 * terminate a snippet that loops forever without touching the others.
 */
import { parentPort } from "node:worker_threads";
import { serialise, type TsValue } from "@maths-as-code/corpus/compare";

export interface WorkerJob {
  id: number;
  url: string;
  outputs: string[];
}

export type WorkerReply =
  | { id: number; ok: true; outputs: Record<string, TsValue> }
  | { id: number; ok: false; error: { name: string; message: string; line?: number } };

function errorLine(err: unknown, url: string): number | undefined {
  const stack = err instanceof Error ? (err.stack ?? "") : "";
  const m = new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)`).exec(stack);
  return m ? Number(m[1]) : undefined;
}

parentPort?.on("message", async (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const mod = (await import(job.url)) as Record<string, unknown>;
    const outputs: Record<string, TsValue> = {};
    for (const name of job.outputs) outputs[name] = name in mod ? serialise(mod[name]) : { kind: "other", description: `nothing (the body does not declare ${name})` };
    reply = { id: job.id, ok: true, outputs };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: job.id, ok: false, error: { name: e.name, message: e.message, line: errorLine(err, job.url) } };
  }
  parentPort!.postMessage(reply);
});
