/**
 * Error classes mirroring NumPy's exception types.
 *
 * NumPy raises `ValueError`, `TypeError` and friends from Python; JavaScript
 * has `Error`/`TypeError`/`RangeError`. Where NumPy has a dedicated class
 * (`numpy.linalg.LinAlgError`, `numpy.exceptions.AxisError`) we export a
 * subclass with the same `name`, so `err.name === "LinAlgError"` works.
 */

/**
 * Generic Python-style error raised by linear-algebra routines, e.g. a
 * singular matrix passed to {@link linalg.inv}.
 *
 * @example
 * try { np.linalg.inv([[1, 2], [2, 4]]); } catch (e) { e.name; } // "LinAlgError"
 */
export class LinAlgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LinAlgError";
  }
}

/**
 * Raised when an `axis` argument is out of range (NumPy's `AxisError`).
 *
 * @example
 * try { np.sum(np.zeros([2, 3]), { axis: 2 }); } catch (e) { e.message; }
 * // "axis 2 is out of bounds for array of dimension 2"
 */
export class AxisError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "AxisError";
  }
}
