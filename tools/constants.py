#!/usr/bin/env python3
"""The constants of include/gradproof/math.hpp, from mpmath at 300 bits.

Run:  python3 tools/constants.py      (Debian: apt-get install python3-mpmath)
Every hex literal in math.hpp's detail namespace is printed here; nothing in the header
was typed by hand or taken from gradproof's own output.
"""
from mpmath import mp, mpf, log, sqrt

mp.prec = 300


def hexd(x):
    return float(x).hex()


def round_bits(x, bits):
    """x rounded to `bits` significant bits."""
    e = mp.floor(mp.log(abs(x), 2))
    scale = mpf(2) ** (bits - 1 - e)
    return mp.nint(x * scale) / scale


ln2 = log(2)
hi = round_bits(ln2, 32)  # 32 bits: n * hi / 32 is exact for |n| < 2^21
print("ln2_hi          ", hexd(hi), "(exact:", float(hi) == hi, ")")
print("ln2_lo          ", hexd(ln2 - hi))
print("exp_n_over_ln2  ", hexd(32 / ln2))
dbl_max = mpf(2) ** 1024 * (1 - mpf(2) ** -53)
print("exp_overflow_x  ", hexd(log(dbl_max)), "  true:", mp.nstr(log(dbl_max), 25),
      " (the double must not exceed it)")
print("exp_underflow_x ", hexd(log(mpf(2) ** -1075)), "  true:", mp.nstr(log(mpf(2) ** -1075), 25))
print("sqrt2           ", hexd(sqrt(2)))
print("2^(j/32) = hi + lo:")
for j in range(32):
    t = mpf(2) ** (mpf(j) / 32)
    h = mpf(float(t))
    print("  ", j, hexd(h), hexd(t - h))
print("2^(j/32) as hi and tail = (2^(j/32) - hi) / hi, the relative rest:")
for j in range(32):
    t = mpf(2) ** (mpf(j) / 32)
    h = mpf(float(t))
    print("  ", j, hexd(h), hexd((t - h) / h))
