/**
 * Ports of the glibc 2.36 libm routines that NumPy's scalar loops call on
 * this machine (Debian 12, x86-64 with FMA), so that functions built on them
 * (`np.logaddexp`, `np.logaddexp2`) give NumPy's bits. V8's `Math.exp` and
 * `Math.log1p` are fdlibm's: each differs from glibc by 1 ulp on a few percent
 * of inputs, and `logaddexp` amplifies that where its result cancels to ≈ 0.
 *
 * glibc picks an FMA build of `exp` and `log1p` at load time (ifunc) when the
 * CPU has FMA; the compiler contracted `a * b + c` into fused multiply-adds
 * there, and the result depends on exactly which ones. The `fma` calls below
 * follow the disassembly of Debian's libm.so.6 (GLIBC 2.36-9+deb12u14,
 * `__exp_fma`, `__log1p_fma`); `exp2` has no FMA build. On a CPU without FMA
 * glibc itself would round differently (≤ 1 ulp, rarely).
 */

// Scratch storage for bit access; no per-call allocation.
const F = new Float64Array(1);
const I = new Int32Array(F.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/**
 * Fused multiply-add `a * b + c` with one rounding (C `fma`). The product and
 * the sum are split exactly into pairs (Dekker, Knuth); adding the low parts
 * and then the high part rounds twice, which changes the result only when
 * the second sum lands exactly on a midpoint while the first was inexact:
 * that tie is then broken towards the lost low part. The split is exact while
 * `a`, `b` stay below 2^995 in magnitude, the product's rounding error is not
 * subnormal and nothing overflows; outside that (and for zeros, infinities and
 * NaN) the exact BigInt path decides. NumPy's SIMD loops fuse complex
 * `multiply` and `abs`, and glibc fuses parts of exp/log1p on FMA machines.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 || p - p !== 0 || c - c !== 0) return fmaBig(a, b, c); // zero, ±inf or NaN: the careful path
  const ap = Math.abs(p);
  if (Math.abs(a) >= 2 ** 995 || Math.abs(b) >= 2 ** 995 || ap < 2 ** -969 || ap >= 2 ** 1022 || Math.abs(c) >= 2 ** 1022) return fmaBig(a, b, c);
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ah * bh - p + ah * bl + al * bh + al * bl; // a*b = p + pl exactly
  const sh = c + p;
  let bb = sh - c;
  const sl = c - (sh - bb) + (p - bb); // c + p = sh + sl exactly
  const v = sl + pl;
  bb = v - sl;
  const e = sl - (v - bb) + (pl - bb); // sl + pl = v + e exactly
  const res = sh + v;
  if (e !== 0) {
    bb = res - sh;
    const d = sh - (res - bb) + (v - bb); // sh + v = res + d exactly
    // A tie (|d| half an ulp of res) was broken without seeing e: take the neighbour on e's side.
    if (d !== 0 && d > 0 === e > 0) {
      const nb = res + 2 * d;
      if (nb - res === 2 * d) return nb;
    }
  }
  return res;
}

/** 2^e for integer -1022 <= e <= 1023 (exact), from a table: no bit poking per call. */
const POW2 = new Float64Array(2046);
for (let e = -1022; e <= 1023; e++) POW2[e + 1022] = 2 ** e;
function pow2(e: number): number {
  return POW2[e + 1022];
}

// ---------------------------------------------------------------- exp, exp2
// sysdeps/ieee754/dbl-64/e_exp.c, e_exp2.c, e_exp_data.c (ARM optimized-routines).
// Table: 2^(k/128) ≈ H[k] * (1 + TAIL[k]); the C table stores, per k, the
// bits of TAIL[k] and asuint64(H[k]) - (k << 45): high and low 32-bit words here.
const EXP_TAB_WORDS = [
  0x00000000, 0x00000000, 0x3ff00000, 0x00000000,
  0x3c9b3b4f, 0x1a88bf6e, 0x3feff63d, 0xa9fb3335,
  0xbc716013, 0x9cd8dc5d, 0x3fefec9a, 0x3e778061,
  0xbc905e7a, 0x108766d1, 0x3fefe315, 0xe86e7f85,
  0x3c8cd252, 0x3567f613, 0x3fefd9b0, 0xd3158574,
  0xbc8bce80, 0x23f98efa, 0x3fefd06b, 0x29ddf6de,
  0x3c60f74e, 0x61e6c861, 0x3fefc745, 0x18759bc8,
  0x3c90a3e4, 0x5b33d399, 0x3fefbe3e, 0xcac6f383,
  0x3c979aa6, 0x5d837b6d, 0x3fefb558, 0x6cf9890f,
  0x3c8eb51a, 0x92fdeffc, 0x3fefac92, 0x2b7247f7,
  0x3c3ebe3d, 0x702f9cd1, 0x3fefa3ec, 0x32d3d1a2,
  0xbc6a0334, 0x89906e0b, 0x3fef9b66, 0xaffed31b,
  0xbc955652, 0x2a2fbd0e, 0x3fef9301, 0xd0125b51,
  0xbc5080ef, 0x8c4eea55, 0x3fef8abd, 0xc06c31cc,
  0xbc91c923, 0xb9d5f416, 0x3fef829a, 0xaea92de0,
  0x3c80d3e3, 0xe95c55af, 0x3fef7a98, 0xc8a58e51,
  0xbc801b15, 0xeaa59348, 0x3fef72b8, 0x3c7d517b,
  0xbc8f1ff0, 0x55de323d, 0x3fef6af9, 0x388c8dea,
  0x3c8b898c, 0x3f1353bf, 0x3fef635b, 0xeb6fcb75,
  0xbc96d99c, 0x7611eb26, 0x3fef5be0, 0x84045cd4,
  0x3c9aecf7, 0x3e3a2f60, 0x3fef5487, 0x3168b9aa,
  0xbc8fe782, 0xcb86389d, 0x3fef4d50, 0x22fcd91d,
  0x3c8a6f41, 0x44a6c38d, 0x3fef463b, 0x88628cd6,
  0x3c807a05, 0xb0e4047d, 0x3fef3f49, 0x917ddc96,
  0x3c968efd, 0xe3a8a894, 0x3fef387a, 0x6e756238,
  0x3c875e18, 0xf274487d, 0x3fef31ce, 0x4fb2a63f,
  0x3c80472b, 0x981fe7f2, 0x3fef2b45, 0x65e27cdd,
  0xbc96b87b, 0x3f71085e, 0x3fef24df, 0xe1f56381,
  0x3c82f7e1, 0x6d09ab31, 0x3fef1e9d, 0xf51fdee1,
  0xbc3d219b, 0x1a6fbffa, 0x3fef187f, 0xd0dad990,
  0x3c8b3782, 0x720c0ab4, 0x3fef1285, 0xa6e4030b,
  0x3c6e1492, 0x89cecb8f, 0x3fef0caf, 0xa93e2f56,
  0x3c834d75, 0x4db0abb6, 0x3fef06fe, 0x0a31b715,
  0x3c864201, 0xe2ac744c, 0x3fef0170, 0xfc4cd831,
  0x3c8fdd39, 0x5dd3f84a, 0x3feefc08, 0xb26416ff,
  0xbc86a380, 0x3b8e5b04, 0x3feef6c5, 0x5f929ff1,
  0xbc924aed, 0xcc4b5068, 0x3feef1a7, 0x373aa9cb,
  0xbc9907f8, 0x1b512d8e, 0x3feeecae, 0x6d05d866,
  0xbc71d1e8, 0x3e9436d2, 0x3feee7db, 0x34e59ff7,
  0xbc991919, 0xb3ce1b15, 0x3feee32d, 0xc313a8e5,
  0x3c859f48, 0xa72a4c6d, 0x3feedea6, 0x4c123422,
  0xbc931260, 0x7a28698a, 0x3feeda45, 0x04ac801c,
  0xbc58a78f, 0x4817895b, 0x3feed60a, 0x21f72e2a,
  0xbc7c2c9b, 0x67499a1b, 0x3feed1f5, 0xd950a897,
  0x3c4363ed, 0x60c2ac11, 0x3feece08, 0x6061892d,
  0x3c966609, 0x3b0664ef, 0x3feeca41, 0xed1d0057,
  0x3c6ecce1, 0xdaa10379, 0x3feec6a2, 0xb5c13cd0,
  0x3c93ff8e, 0x3f0f1230, 0x3feec32a, 0xf0d7d3de,
  0x3c7690ce, 0xbb7aafb0, 0x3feebfda, 0xd5362a27,
  0x3c931dbd, 0xeb54e077, 0x3feebcb2, 0x99fddd0d,
  0xbc8f9434, 0x0071a38e, 0x3feeb9b2, 0x769d2ca7,
  0xbc87decc, 0xdc93a349, 0x3feeb6da, 0xa2cf6642,
  0xbc78dec6, 0xbd0f385f, 0x3feeb42b, 0x569d4f82,
  0xbc861246, 0xec7b5cf6, 0x3feeb1a4, 0xca5d920f,
  0x3c933505, 0x18fdd78e, 0x3feeaf47, 0x36b527da,
  0x3c7b98b7, 0x2f8a9b05, 0x3feead12, 0xd497c7fd,
  0x3c9063e1, 0xe21c5409, 0x3feeab07, 0xdd485429,
  0x3c34c785, 0x5019c6ea, 0x3feea926, 0x8a5946b7,
  0x3c9432e6, 0x2b64c035, 0x3feea76f, 0x15ad2148,
  0xbc8ce44a, 0x6199769f, 0x3feea5e1, 0xb976dc09,
  0xbc8c33c5, 0x3bef4da8, 0x3feea47e, 0xb03a5585,
  0xbc845378, 0x892be9ae, 0x3feea346, 0x34ccc320,
  0xbc93cedd, 0x78565858, 0x3feea238, 0x82552225,
  0x3c5710aa, 0x807e1964, 0x3feea155, 0xd44ca973,
  0xbc93b3ef, 0xbf5e2228, 0x3feea09e, 0x667f3bcd,
  0xbc6a12ad, 0x8734b982, 0x3feea012, 0x750bdabf,
  0xbc6367ef, 0xb86da9ee, 0x3fee9fb2, 0x3c651a2f,
  0xbc80dc3d, 0x54e08851, 0x3fee9f7d, 0xf9519484,
  0xbc781f64, 0x7e5a3ecf, 0x3fee9f75, 0xe8ec5f74,
  0xbc86ee4a, 0xc08b7db0, 0x3fee9f9a, 0x48a58174,
  0xbc861932, 0x1e55e68a, 0x3fee9feb, 0x564267c9,
  0x3c909ccb, 0x5e09d4d3, 0x3feea069, 0x4fde5d3f,
  0xbc7b32dc, 0xb94da51d, 0x3feea114, 0x73eb0187,
  0x3c94ecfd, 0x5467c06b, 0x3feea1ed, 0x0130c132,
  0x3c65ebe1, 0xabd66c55, 0x3feea2f3, 0x36cf4e62,
  0xbc88a1c5, 0x2fb3cf42, 0x3feea427, 0x543e1a12,
  0xbc9369b6, 0xf13b3734, 0x3feea589, 0x994cce13,
  0xbc805e84, 0x3a19ff1e, 0x3feea71a, 0x4623c7ad,
  0xbc94d450, 0xd872576e, 0x3feea8d9, 0x9b4492ed,
  0x3c90ad67, 0x5b0e8a00, 0x3feeaac7, 0xd98a6699,
  0x3c8db72f, 0xc1f0eab4, 0x3feeace5, 0x422aa0db,
  0xbc65b660, 0x9cc5e7ff, 0x3feeaf32, 0x16b5448c,
  0x3c7bf683, 0x59f35f44, 0x3feeb1ae, 0x99157736,
  0xbc93091f, 0xa71e3d83, 0x3feeb45b, 0x0b91ffc6,
  0xbc5da9b8, 0x8b6c1e29, 0x3feeb737, 0xb0cdc5e5,
  0xbc6c23f9, 0x7c90b959, 0x3feeba44, 0xcbc8520f,
  0xbc924343, 0x22f4f9aa, 0x3feebd82, 0x9fde4e50,
  0xbc85ca6c, 0xd7668e4b, 0x3feec0f1, 0x70ca07ba,
  0x3c71affc, 0x2b91ce27, 0x3feec491, 0x82a3f090,
  0x3c6dd235, 0xe10a73bb, 0x3feec863, 0x19e32323,
  0xbc87c504, 0x22622263, 0x3feecc66, 0x7b5de565,
  0x3c8b1c86, 0xe3e231d5, 0x3feed09b, 0xec4a2d33,
  0xbc91bbd1, 0xd3bcbb15, 0x3feed503, 0xb23e255d,
  0x3c90cc31, 0x9cee31d2, 0x3feed99e, 0x1330b358,
  0x3c846984, 0x6e735ab3, 0x3feede6b, 0x5579fdbf,
  0xbc82dfcd, 0x978e9db4, 0x3feee36b, 0xbfd3f37a,
  0x3c8c1a77, 0x92cb3387, 0x3feee89f, 0x995ad3ad,
  0xbc907b8f, 0x4ad1d9fa, 0x3feeee07, 0x298db666,
  0xbc55c3d9, 0x56dcaeba, 0x3feef3a2, 0xb84f15fb,
  0xbc90a40e, 0x3da6f640, 0x3feef972, 0x8de5593a,
  0xbc68d6f4, 0x38ad9334, 0x3feeff76, 0xf2fb5e47,
  0xbc91eee2, 0x6b588a35, 0x3fef05b0, 0x30a1064a,
  0x3c74ffd7, 0x0a5fddcd, 0x3fef0c1e, 0x904bc1d2,
  0xbc91bdfb, 0xfa9298ac, 0x3fef12c2, 0x5bd71e09,
  0x3c736eae, 0x30af0cb3, 0x3fef199b, 0xdd85529c,
  0x3c8ee332, 0x5c9ffd94, 0x3fef20ab, 0x5fffd07a,
  0x3c84e08f, 0xd10959ac, 0x3fef27f1, 0x2e57d14b,
  0x3c63cdaf, 0x384e1a67, 0x3fef2f6d, 0x9406e7b5,
  0x3c676b2c, 0x6c921968, 0x3fef3720, 0xdcef9069,
  0xbc808a18, 0x83ccb5d2, 0x3fef3f0b, 0x555dc3fa,
  0xbc8fad5d, 0x3ffffa6f, 0x3fef472d, 0x4a07897c,
  0xbc900dae, 0x3875a949, 0x3fef4f87, 0x080d89f2,
  0x3c74a385, 0xa63d07a7, 0x3fef5818, 0xdcfba487,
  0xbc82919e, 0x2040220f, 0x3fef60e3, 0x16c98398,
  0x3c8e5a50, 0xd5c192ac, 0x3fef69e6, 0x03db3285,
  0x3c843a59, 0xac016b4b, 0x3fef7321, 0xf301b460,
  0xbc82d521, 0x07b43e1f, 0x3fef7c97, 0x337b9b5f,
  0xbc892ab9, 0x3b470dc9, 0x3fef8646, 0x14f5a129,
  0x3c74b604, 0x603a88d3, 0x3fef902e, 0xe78b3ff6,
  0x3c83c5ec, 0x519d7271, 0x3fef9a51, 0xfbc74c83,
  0xbc8ff712, 0x8fd391f0, 0x3fefa4af, 0xa2a490da,
  0xbc8dae98, 0xe223747d, 0x3fefaf48, 0x2d8e67f1,
  0x3c8ec3bc, 0x41aa2008, 0x3fefba1b, 0xee615a27,
  0x3c842b94, 0xc3a9eb32, 0x3fefc52b, 0x376bba97,
  0x3c8a64a9, 0x31d185ee, 0x3fefd076, 0x5b6e4540,
  0xbc8e37ba, 0xe43be3ed, 0x3fefdbfd, 0xad9cbe14,
  0x3c77893b, 0x4d91cd9d, 0x3fefe7c1, 0x819e90d8,
  0x3c5305c1, 0x4160cc89, 0x3feff3c2, 0x2b8f71f1,
];
const N = 128;
const TAIL = new Float64Array(N);
const H = new Float64Array(N);
for (let k = 0; k < N; k++) {
  I[HI] = EXP_TAB_WORDS[4 * k]; I[LO] = EXP_TAB_WORDS[4 * k + 1];
  TAIL[k] = F[0];
  I[HI] = EXP_TAB_WORDS[4 * k + 2] + (k << 13); I[LO] = EXP_TAB_WORDS[4 * k + 3];
  H[k] = F[0];
}
const INV_LN2_N = 0x171547652b82fe * 2 ** -52 * N; // 0x1.71547652b82fep0 * N
const NEG_LN2_HI_N = -0x162e42fefa0000 * 2 ** -60; // -0x1.62e42fefa0000p-8
const NEG_LN2_LO_N = -0x1cf79abc9e3b3a * 2 ** -99; // -0x1.cf79abc9e3b3ap-47
const SHIFT = 0x18000000000000; // 0x1.8p52: adding it rounds to an integer
const C2 = 0x1ffffffffffdbd * 2 ** -54; // 0x1.ffffffffffdbdp-2
const C3 = 0x1555555555543c * 2 ** -55; // 0x1.555555555543cp-3
const C4 = 0x155555cf172b91 * 2 ** -57; // 0x1.55555cf172b91p-5
const C5 = 0x11111167a4d017 * 2 ** -59; // 0x1.1111167a4d017p-7
const EXP2_SHIFT = SHIFT / N;
const E2C1 = 0x162e42fefa39ef * 2 ** -53; // 0x1.62e42fefa39efp-1
const E2C2 = 0x1ebfbdff82c424 * 2 ** -55; // 0x1.ebfbdff82c424p-3
const E2C3 = 0x1c6b08d70cf4b5 * 2 ** -57; // 0x1.c6b08d70cf4b5p-5
const E2C4 = 0x13b2abd24650cc * 2 ** -59; // 0x1.3b2abd24650ccp-7
const E2C5 = 0x15d7e09b4e3a84 * 2 ** -62; // 0x1.5d7e09b4e3a84p-10

/**
 * `scale * (1 + tmp)` for 2^(k/N) = scale when the exponent of scale would
 * overflow or underflow (glibc `specialcase`). `fused` says whether the
 * overflow side was contracted to an FMA (exp: yes, exp2: no); the underflow
 * side shares `scale * tmp` between two expressions, so it never is.
 */
function specialcase(tmp: number, k: number, j: number, bias: number, fused: boolean): number {
  const e = (k - j) / N;
  if (k > 0) {
    const scale = H[j] * pow2(e - bias);
    return 2 ** bias * (fused ? fma(scale, tmp, scale) : scale + scale * tmp);
  }
  const scale = H[j] * pow2(e + 1022);
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    // Round to 53 bits before scaling into the subnormal range (no double rounding).
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = hi + lo - 1.0;
    if (y === 0) y = 0;
  }
  return 2 ** -1022 * y;
}

/** glibc `exp` (0.51 ulp), FMA build. */
export function exp(x: number): number {
  const ax = Math.abs(x);
  let special = false;
  if (!(ax >= 2 ** -54 && ax < 512)) {
    if (ax < 2 ** -54) return 1.0 + x; // also keeps x = NaN below
    if (!(ax < 1024)) {
      if (x === -Infinity) return 0;
      if (!(ax < Infinity)) return 1.0 + x;
      return x < 0 ? 0 : Infinity;
    }
    special = true;
  }
  // exp(x) = 2^(k/N) * exp(r), x = k ln2/N + r, |r| <= ln2/2N.
  const kd = fma(INV_LN2_N, x, SHIFT) - SHIFT;
  const r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  const j = kd & (N - 1);
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), TAIL[j] + r));
  if (special) return specialcase(tmp, kd, j, 1009, true);
  const scale = H[j] * pow2((kd - j) / N);
  return fma(scale, tmp, scale);
}

/** glibc `exp2` (0.51 ulp), no FMA build exists. */
export function exp2(x: number): number {
  const ax = Math.abs(x);
  let special = false;
  if (!(ax >= 2 ** -54 && ax < 512)) {
    if (ax < 2 ** -54) return 1.0 + x;
    if (!(ax < 1024)) {
      if (x === -Infinity) return 0;
      if (!(ax < Infinity)) return 1.0 + x;
      if (x > 0) return Infinity;
      if (x <= -1075) return 0;
    }
    special = ax > 928;
  }
  // exp2(x) = 2^(k/N) * 2^r, x = k/N + r, |r| <= 1/2N.
  const kn = x + EXP2_SHIFT - EXP2_SHIFT;
  const r = x - kn;
  const kd = kn * N;
  const j = kd & (N - 1);
  const r2 = r * r;
  const tmp = TAIL[j] + r * E2C1 + r2 * (E2C2 + r * E2C3) + r2 * r2 * (E2C4 + r * E2C5);
  if (special) return specialcase(tmp, kd, j, 1, false);
  const scale = H[j] * pow2((kd - j) / N);
  return scale + scale * tmp;
}

// ---------------------------------------------------------------- log1p
// sysdeps/ieee754/dbl-64/s_log1p.c (fdlibm with Shimizu's reordered
// polynomial, which is where it differs from V8's Math.log1p), FMA build.
const LN2_HI = 6.93147180369123816490e-01; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const LP1 = 6.666666666666735130e-01;
const LP2 = 3.999999999940941908e-01;
const LP3 = 2.857142874366239149e-01;
const LP4 = 2.222219843214978396e-01;
const LP5 = 1.818357216161805012e-01;
const LP6 = 1.531383769920937332e-01;
const LP7 = 1.479819860511658591e-01;

/** glibc `log1p` (< 1 ulp), FMA build. */
export function log1p(x: number): number {
  F[0] = x;
  const hx = I[HI];
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) { // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) { // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return fma(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) { k = 0; f = x; hu = 1; } // -0.2929 < x < 0.41422
  } else if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      F[0] = u;
      hu = I[HI];
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u; // rounding error of 1 + x, relative
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
    }
    hu &= 0x000fffff;
    F[0] = u;
    if (hu < 0x6a09e) {
      I[HI] = hu | 0x3ff00000; // normalise u into [1, sqrt 2)
    } else {
      k += 1;
      I[HI] = hu | 0x3fe00000; // u/2 into [sqrt(2)/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = F[0] - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : fma(k, LN2_HI, fma(k, LN2_LO, c));
    const R = fma(-f, 0.6666666666666666, 1.0) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -(R - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z2 * z4;
  const R = fma(z6, fma(z, LP7, LP6), fma(z4, fma(z, LP5, LP4), fma(z, LP1, z2 * fma(z, LP3, LP2))));
  const sR = s * (hfsq + R);
  if (k === 0) return f - (hfsq - sR);
  return fma(k, LN2_HI, -(hfsq - (fma(k, LN2_LO, c) + sR) - f));
}

const FBUF = new Float64Array(1);
const UBUF = new BigUint64Array(FBUF.buffer);

/** x (finite, non-zero) as m·2^e with an integer m (sign included). */
function decompose(x: number): [bigint, number] {
  FBUF[0] = x;
  const bits = UBUF[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return [x < 0 ? -m : m, e];
}

/** m·2^e rounded to the nearest double (ties to even), m ≠ 0. */
function roundScaled(m: bigint, e: number): number {
  const neg = m < 0n;
  let a = neg ? -m : m;
  const bits = a.toString(2).length;
  // Keep 53 significant bits, fewer where the result is subnormal (lowest bit 2^-1074).
  const shift = Math.max(bits - 53, -1074 - e);
  if (shift > 0) {
    const s = BigInt(shift);
    const q = a >> s;
    const r = a - (q << s);
    const half = 1n << (s - 1n);
    a = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
    e += shift;
  }
  // Two exact power-of-two steps: 2^e alone may under- or overflow.
  const h = Math.trunc(e / 2);
  const v = Number(a) * 2 ** h * 2 ** (e - h);
  return neg ? -v : v;
}

/** `fma` where the fast split is not exact: the exact sum formed with BigInt and rounded once. */
function fmaBig(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) {
    // An exact finite product plus an infinite c is c, even where a·b would overflow.
    return Number.isFinite(a) && Number.isFinite(b) && !Number.isNaN(c) ? c : a * b + c;
  }
  if (a === 0 || b === 0) return a * b + c;
  // The exact sum is the product: it keeps its sign even where it rounds to zero.
  if (c === 0) return a * b;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  return sum === 0n ? 0 : roundScaled(sum, e);
}

/**
 * glibc's `hypot` (2.35+, `e_hypot.c`, the kernel without FMA that x86-64 builds
 * use): one correction step after the naive square root, with power-of-two
 * scaling for huge and tiny inputs. `np.hypot` and `csqrt` call it; V8's
 * `Math.hypot` rounds differently in about one case in ten.
 */
export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === Infinity || x === -Infinity || y === Infinity || y === -Infinity ? Infinity : x + y;
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  if (ax > 2 ** 511) {
    if (ay <= ax * 2 ** -54) return ax + ay;
    return hypotKernel(ax * 2 ** -600, ay * 2 ** -600) / 2 ** -600;
  }
  if (ay < 2 ** -511) {
    if (ax >= ay / 2 ** -54) return ax + ay;
    return hypotKernel(ax / 2 ** -600, ay / 2 ** -600) * 2 ** -600;
  }
  if (ay <= ax * 2 ** -54) return ax + ay;
  return hypotKernel(ax, ay);
}

function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2 * h);
  return h;
}
