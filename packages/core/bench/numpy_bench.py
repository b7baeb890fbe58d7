"""NumPy side of `pnpm bench`: times the same operations on the same bytes as bench/run.ts.

Reads a JSON job from stdin: {"dir": ..., "rounds": R, "cases": [{"name", "op", "inputs": [file, ...], "shape"}]}
Each input is a little-endian float64 file written by run.ts. Prints one JSON object:
{"env": {...}, "results": {name: {"ms": [round medians], "out": file}}} and writes each result to `out`
so run.ts can check the TypeScript result against NumPy's. One BLAS thread (the caller sets
OPENBLAS_NUM_THREADS=1), as the baseline in ../shared/benchmarks-baseline.md.
"""
import json
import platform
import sys
import time

import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


OPS = {
    "sum": lambda a: np.sum(a),
    "mean": lambda a: np.mean(a),
    "var": lambda a: np.var(a),
    "exp": lambda a: np.exp(a),
    "dot": lambda a, b: np.dot(a, b),
    "norm": lambda a: np.linalg.norm(a),
    "softmax": softmax,
    "sort": lambda a: np.sort(a, kind="stable"),
    "argsort": lambda a: np.argsort(a, kind="stable").astype(np.float64),
    "matmul": lambda a, b: a @ b,
    "solve": lambda a, b: np.linalg.solve(a, b),
}


def main():
    job = json.load(sys.stdin)
    results = {}
    for case in job["cases"]:
        args = [np.fromfile(f, dtype="<f8").reshape(s) for f, s in zip(case["inputs"], case["shapes"])]
        f = OPS[case["op"]]
        out = f(*args)
        for _ in range(3):
            f(*args)
        medians = []
        for _ in range(job["rounds"]):
            times = []
            for _ in range(case["reps"]):
                t = time.perf_counter()
                f(*args)
                times.append((time.perf_counter() - t) * 1e3)
            medians.append(sorted(times)[len(times) // 2])
        path = f"{job['dir']}/{case['name']}.numpy.f64"
        np.asarray(out, dtype=np.float64).tofile(path)
        results[case["name"]] = {"ms": medians, "out": path}
    cfg = np.show_config(mode="dicts")
    blas = cfg.get("Build Dependencies", {}).get("blas", {})
    env = {"numpy": np.__version__, "python": platform.python_version(), "blas": f"{blas.get('name')} {blas.get('version')}"}
    json.dump({"env": env, "results": results}, sys.stdout)


main()
