#!/usr/bin/env python3
"""Coefficients c2..c6 of math::exp's polynomial, e^r - 1 ~ r + r^2 (c2 + c3 r) + r^4 (c4 + c5 r + c6 r^2)
on |r| <= ln2/64: a Chebyshev (near-minimax) fit of g(r) = (e^r - 1 - r) / r^2 by a degree-4
polynomial, which leaves an error far below Taylor's r^7/7! (about 2^-58 relative at the ends).

Run:  python3 tools/exp_poly.py        (Debian: apt-get install python3-mpmath)
"""
from mpmath import mp, mpf, exp, log, chebyfit, polyval

mp.dps = 60
L = log(2) / 64 * mpf("1.0001")


def g(r):
    if abs(r) < mpf("1e-30"):
        return mpf(1) / 2
    return (exp(r) - 1 - r) / r**2


coeffs, err = chebyfit(g, [-L, L], 5, error=True)  # highest degree first
c = [mpf(float(v)) for v in coeffs]                 # as the doubles the code uses
worst = mpf(0)
for i in range(-2000, 2001):
    r = L * i / 2000
    if r == 0:
        continue
    p = r + r**2 * polyval(c, r)
    worst = max(worst, abs((exp(r) - 1 - p) / exp(r)))
print("fit error of g:", mp.nstr(err, 5), " worst relative error of e^r - 1 with the doubles:", mp.nstr(worst, 5),
      "=", mp.nstr(mp.log(worst, 2), 5), "bits")
for k, v in zip(range(6, 1, -1), coeffs):
    print(f"c{k} = {float(v).hex()}  ({mp.nstr(v, 20)})")
