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
 * let name = "";
 * try { np.linalg.inv([[1, 2], [2, 4]]); } catch (e) { name = e.name; }
 * name === "LinAlgError"; // True
 * @numpy name = ""; exec("try: np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))\nexcept np.linalg.LinAlgError as e: name = type(e).__name__"); name == "LinAlgError"
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
 * let msg = "";
 * try { np.sum(np.zeros([2, 3]), { axis: 2 }); } catch (e) { msg = e.message; }
 * msg === "axis 2 is out of bounds for array of dimension 2"; // True
 * @numpy msg = ""; exec("try: np.sum(np.zeros((2, 3)), axis=2)\nexcept np.exceptions.AxisError as e: msg = str(e)"); msg == "axis 2 is out of bounds for array of dimension 2"
 */
export class AxisError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "AxisError";
  }
}

/**
 * Raised by indexing with an out-of-range or malformed index (Python's
 * `IndexError`), e.g. "index 5 is out of bounds for axis 0 with size 3".
 *
 * @example
 * let name = "";
 * try { np.zeros(3).get(5); } catch (e) { name = e.name; }
 * name === "IndexError"; // True
 * @numpy name = ""; exec("try: np.zeros(3)[5]\nexcept IndexError as e: name = type(e).__name__"); name == "IndexError"
 */
export class IndexError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "IndexError";
  }
}
