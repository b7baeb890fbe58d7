/**
 * Shape manipulation: `transpose`, `reshape`.
 */
import { asarray } from "./creation.ts";
import type { ArrayLike, NDArray } from "./ndarray.ts";

/**
 * Permutes the axes (NumPy `np.transpose`): a view, no copy. Without `axes`
 * the order is reversed (so a 2-D array is the matrix transpose, like `.T`).
 * Negative axes count from the end.
 *
 * $$\texttt{transpose}(a, p)_{i_{p_0} \dots i_{p_{n-1}}} \text{ has shape } (s_{p_0}, \dots, s_{p_{n-1}})$$
 *
 * Special cases: `axes` that are not a permutation raise "axes don't match array".
 *
 * @example
 * np.transpose(np.zeros([2, 3, 4])).shape;            // [4, 3, 2]
 * np.transpose(np.zeros([2, 3, 4]), [1, 0, 2]).shape; // [3, 2, 4]
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  return asarray(a).transpose(axes);
}

/**
 * Gives a new shape to an array without changing its data (NumPy
 * `np.reshape`, C order): a view when possible, else a copy. One dimension
 * may be -1 and is inferred.
 *
 * $$\texttt{reshape}(a, s)\text{.ravel}() = a\text{.ravel}()$$
 *
 * Special cases: "cannot reshape array of size 6 into shape (4,)".
 *
 * @example
 * np.reshape(np.arange(6), [2, 3]).tolist(); // [[0, 1, 2], [3, 4, 5]]
 * np.reshape(np.arange(6), [-1, 2]).shape;   // [3, 2]
 */
export function reshape(a: ArrayLike, shape: number | readonly number[]): NDArray {
  const arr = asarray(a);
  return arr.reshape(typeof shape === "number" ? [shape] : shape);
}
