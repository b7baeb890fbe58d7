/**
 * NumPy's constants.
 */

/**
 * π (NumPy `np.pi`).
 *
 * $$\pi = 3.141592653589793\ldots$$
 *
 * @example
 * np.pi; // 3.141592653589793
 */
export const pi = Math.PI;

/**
 * Euler's number (NumPy `np.e`).
 *
 * $$e = \lim_{n\to\infty} (1 + 1/n)^n$$
 *
 * @example
 * np.e; // 2.718281828459045
 */
export const e = Math.E;

/**
 * Positive infinity (NumPy `np.inf`).
 *
 * $$\infty$$
 *
 * @example
 * np.inf > 1e308; // true
 */
export const inf = Infinity;

/**
 * Not a Number (NumPy `np.nan`).
 *
 * $$\mathrm{NaN} \ne \mathrm{NaN}$$
 *
 * @example
 * Number.isNaN(np.nan); // true
 */
export const nan = NaN;
