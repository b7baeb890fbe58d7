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
 * @numpy np.pi
 */
export const pi = Math.PI;

/**
 * Euler's number (NumPy `np.e`).
 *
 * $$e = \lim_{n\to\infty} (1 + 1/n)^n$$
 *
 * @example
 * np.e; // 2.718281828459045
 * @numpy np.e
 */
export const e = Math.E;

/**
 * Positive infinity (NumPy `np.inf`).
 *
 * $$\infty$$
 *
 * @example
 * np.inf > 1e308; // True
 * @numpy np.inf > 1e308
 */
export const inf = Infinity;

/**
 * Not a Number (NumPy `np.nan`).
 *
 * $$\mathrm{NaN} \ne \mathrm{NaN}$$
 *
 * @example
 * np.nan; // nan
 * @numpy np.nan
 */
export const nan = NaN;

/**
 * The Euler–Mascheroni constant (NumPy `np.euler_gamma`).
 *
 * $$\gamma = \lim_{n\to\infty} \left(\sum_{k=1}^{n} \frac{1}{k} - \ln n\right)$$
 *
 * @example
 * np.euler_gamma; // 0.5772156649015329
 * @numpy np.euler_gamma
 */
export const euler_gamma = 0.5772156649015329;
