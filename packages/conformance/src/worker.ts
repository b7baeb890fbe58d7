/**
 * Runs one compiled snippet module per message and returns its outputs in a form
 * that survives structured cloning. Lives in its own thread so the pool can
 * terminate a snippet that loops forever without touching the others.
 */
import { parentPort } from "node:worker_threads";
import type { TsValue } from "@maths-as-code/corpus/compare";

export interface WorkerJob {
  id: number;
  url: string;
  outputs: string[];
}

export type WorkerReply =
  | { id: number; ok: true; outputs: Record<string, TsValue> }
  | { id: number; ok: false; error: { name: string; message: string; line?: number } };

function shapeOfList(v: unknown[]): { shape: number[]; values: (number | boolean)[] } | undefined {
  const shape: number[] = [];
  for (let x: unknown = v; Array.isArray(x); x = x[0]) {
    shape.push(x.length);
    if (!x.length) break;
  }
  const flat = v.flat(Infinity) as unknown[];
  if (flat.length !== shape.reduce((a, b) => a * b, 1) || flat.some((x) => typeof x !== "number" && typeof x !== "boolean")) return undefined;
  return { shape, values: flat as (number | boolean)[] };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${(value as object).constructor?.name ?? "Object"})`;
  return `a ${typeof value}`;
}

/** Reads a result through the array's public API only (dtype, shape, tolist). */
export function serialise(value: unknown): TsValue {
  if (typeof value === "number" || typeof value === "boolean") return { kind: "scalar", value };
  if (value && typeof value === "object" && "dtype" in value && "shape" in value && typeof (value as { tolist?: unknown }).tolist === "function") {
    const arr = value as { dtype: string; shape: number[]; tolist(): unknown };
    const list = arr.tolist();
    const values = (Array.isArray(list) ? list.flat(Infinity) : [list]) as (number | boolean)[];
    return { kind: "ndarray", dtype: String(arr.dtype), shape: [...arr.shape], values };
  }
  if (Array.isArray(value)) {
    const shaped = shapeOfList(value);
    return shaped ? { kind: "list", ...shaped } : { kind: "other", description: "a ragged or non-numeric list" };
  }
  return { kind: "other", description: describe(value) };
}

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
