/**
 * A small pool of worker threads with a per-job time limit. A job that runs past
 * its limit has its worker terminated (the only way to stop a synchronous loop)
 * and replaced; the other jobs carry on.
 */
import { Worker } from "node:worker_threads";
import type { WorkerJob, WorkerReply } from "./worker.ts";

export type JobResult = WorkerReply | { id: number; ok: false; timedOut: true; error: { name: string; message: string } };

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  job: Omit<WorkerJob, "id">;
  timeoutMs: number;
  resolve: (r: JobResult) => void;
}

const WORKER_URL = new URL("./worker.ts", import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn(), busy: false });
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_URL);
    w.unref();
    return w;
  }

  run(job: Omit<WorkerJob, "id">, timeoutMs: number): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error("pool is closed"));
    return new Promise((resolve) => {
      this.queue.push({ job, timeoutMs, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const pending = this.queue.shift()!;
      this.start(slot, pending);
    }
  }

  private start(slot: Slot, { job, timeoutMs, resolve }: Pending): void {
    const id = this.nextId++;
    slot.busy = true;
    const worker = slot.worker;
    const finish = (result: JobResult) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      slot.busy = false;
      resolve(result);
      this.pump();
    };
    const replace = () => {
      void worker.terminate();
      if (!this.closed) slot.worker = this.spawn();
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id === id) finish(reply);
    };
    const onError = (err: Error) => {
      replace();
      finish({ id, ok: false, error: { name: err.name, message: `the worker crashed: ${err.message}` } });
    };
    const onExit = (code: number) => {
      replace();
      finish({ id, ok: false, error: { name: "Exit", message: `the worker exited with code ${code}` } });
    };
    const timer = setTimeout(() => {
      replace();
      finish({ id, ok: false, timedOut: true, error: { name: "Timeout", message: `did not finish within ${timeoutMs} ms; the worker was terminated` } });
    }, timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ ...job, id } satisfies WorkerJob);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
