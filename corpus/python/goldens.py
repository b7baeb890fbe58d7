"""Runs entries' NumPy code for the golden generator (corpus/src/cli/goldens.ts).

The TypeScript side validates the corpus, renders each case's Python source and
writes the golden files; this script only draws random inputs and executes code,
reading one JSON request on stdin and writing one JSON reply on stdout.

  {"mode": "draw", "draws": {key: {random, seed, shape, loc, scale, low, high, dtype}}}
  {"mode": "run", "cases": {key: {source, filename, outputs: [names], timeout_s}}}
"""
import os

# BLAS results depend on the thread count: goldens are made single-threaded.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import json
import math
import platform
import signal
import sys
import traceback
import warnings

import numpy as np

REQUIRED_NUMPY = "2.4.6"


def encode(v):
    """Round-trip token for one scalar; the inverse of decodeGolden in compare.ts (a complex is {"complex": [re, im]})."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (complex, np.complexfloating)):
        return {"complex": [encode(v.real), encode(v.imag)]}
    f = float(v)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    return repr(f)


def encode_array(arr):
    return [encode(v) for v in arr.reshape(-1).tolist()]


def draw(spec):
    rng = np.random.default_rng(spec["seed"])
    shape = tuple(spec["shape"])
    kind = spec["random"]
    if kind == "normal":
        arr = rng.normal(spec.get("loc", 0.0), spec.get("scale", 1.0), size=shape)
    elif kind == "uniform":
        arr = rng.uniform(spec.get("low", 0.0), spec.get("high", 1.0), size=shape)
    elif kind == "integers":
        arr = rng.integers(int(spec["low"]), int(spec["high"]), size=shape, dtype=np.int64)
    else:
        raise ValueError(f"unknown random kind {kind!r}")
    return {"dtype": spec["dtype"], "shape": list(arr.shape), "values": encode_array(arr)}


class CaseTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CaseTimeout()


def describe(value):
    arr = np.asarray(value)
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"unsupported output dtype {arr.dtype} (kind {arr.dtype.kind!r}): outputs must be bool, integer, float or complex")
    return {
        "dtype": arr.dtype.name,
        "kind": arr.dtype.kind,
        "shape": list(arr.shape),
        "values": encode_array(arr),
        "printed": str(value),
    }


def run_case(case):
    result = {"outputs": {}, "warnings": []}
    namespace = {"__name__": "__main__"}
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(case.get("timeout_s", 10)))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = compile(case["source"], case["filename"], "exec")
            exec(code, namespace)
        result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    except CaseTimeout:
        result["failure"] = f"timed out after {case.get('timeout_s', 10)} s"
        return result
    except Exception as e:  # the case may expect it: the TypeScript side decides
        tb = traceback.extract_tb(e.__traceback__)
        lines = [frame.lineno for frame in tb if frame.filename == case["filename"]]
        result["error"] = {"type": type(e).__name__, "message": str(e)}
        if lines:
            result["error_line"] = lines[-1]
        return result
    finally:
        signal.alarm(0)
    for name in case["outputs"]:
        if name not in namespace:
            result["failure"] = f"the NumPy body did not assign the output {name!r}"
            return result
        try:
            result["outputs"][name] = describe(namespace[name])
        except Exception as e:
            result["failure"] = f"output {name!r}: {e}"
            return result
    return result


def main():
    if np.__version__ != REQUIRED_NUMPY:
        sys.stderr.write(f"goldens need NumPy {REQUIRED_NUMPY}, found {np.__version__} at {np.__file__}\n")
        return 3
    request = json.load(sys.stdin)
    if request["mode"] == "draw":
        reply = {key: draw(spec) for key, spec in request["draws"].items()}
    elif request["mode"] == "run":
        reply = {key: run_case(case) for key, case in request["cases"].items()}
    else:
        raise ValueError(f"unknown mode {request['mode']!r}")
    json.dump({"numpy_version": np.__version__, "python_version": platform.python_version(), "reply": reply}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
