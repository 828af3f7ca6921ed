#!/usr/bin/env python3
"""Independent 40-digit reference values for static_tests/reference_values_test.cpp.

Run:  python3 tools/reference_values.py      (Debian: apt-get install python3-mpmath)

This is a second implementation of the slides' equations, in mpmath at 60 significant
digits, sharing no code with gradproof. The network and sample below are exactly
representable in binary (multiples of 1/64), so float and double gradproof start from
the very same numbers.
"""
from mpmath import mp, mpf, exp, log1p

mp.dps = 60

# The general network of the reference test (In = 3, Hidden = 4).
W = [[mpf(v) / 64 for v in row] for row in ([32, -16, 8], [-24, 40, 12], [4, 20, -36], [-48, -8, 28])]
b1 = [mpf(v) / 64 for v in (8, -4, 16, -12)]
U = [mpf(v) / 64 for v in (60, -44, 36, -52)]
b2 = mpf(6) / 64
x = [mpf(v) / 64 for v in (48, -80, 40)]
y = mpf(1)
eta = mpf(1) / 8


def sigma(t):
    return 1 / (1 + exp(-t))


z = [sum(W[i][j] * x[j] for j in range(3)) + b1[i] for i in range(4)]
h = [sigma(zi) for zi in z]
sp = [sigma(zi) * (1 - sigma(zi)) for zi in z]
theta = sum(U[i] * h[i] for i in range(4)) + b2
y_hat = sigma(theta)
loss = -(y * mp.log(y_hat) + (1 - y) * mp.log(1 - y_hat))
delta1 = y_hat - y
delta2 = [delta1 * U[i] * sp[i] for i in range(4)]
dW = [[delta2[i] * x[j] for j in range(3)] for i in range(4)]
dU = [delta1 * h[i] for i in range(4)]

f = lambda v: mp.nstr(v, 40, min_fixed=-1, max_fixed=-1) if v != 0 else "0"
print("z      ", ", ".join(f(v) for v in z))
print("h      ", ", ".join(f(v) for v in h))
print("sigma' ", ", ".join(f(v) for v in sp))
print("theta  ", f(theta))
print("y_hat  ", f(y_hat))
print("loss   ", f(loss))
print("delta1 ", f(delta1))
print("delta2 ", ", ".join(f(v) for v in delta2))
print("dW     ", ", ".join(f(v) for row in dW for v in row))
print("dU     ", ", ".join(f(v) for v in dU))
# One SGD step with eta = 1/8: the updated parameters.
print("W'     ", ", ".join(f(W[i][j] - eta * dW[i][j]) for i in range(4) for j in range(3)))
print("b1'    ", ", ".join(f(b1[i] - eta * delta2[i]) for i in range(4)))
print("U'     ", ", ".join(f(U[i] - eta * dU[i]) for i in range(4)))
print("b2'    ", f(b2 - eta * delta1))
print()
# Values for the hand-derivable network and the math spot checks (known_values_test.cpp).
print("sigma(2)            ", f(sigma(mpf(2))))
print("log1p(exp(-2))      ", f(log1p(exp(mpf(-2)))))
print("log(2)              ", f(mp.log(2)))
print("exp(-40)            ", f(exp(mpf(-40))))
print("sigma'(40)          ", f(sigma(mpf(40)) * sigma(mpf(-40))))
print("sigma(-700)         ", f(sigma(mpf(-700))))
print("log1p(exp(-40))     ", f(log1p(exp(mpf(-40)))))
print("800 + log1p(e^-800) ", f(800 + log1p(exp(mpf(-800)))))
print("-log(double(1e-7))  ", f(-mp.log(mpf(1e-7))))
print("log(2^-1074)        ", f(mp.log(mpf(2) ** -1074)))
print()
# Spot checks that kill tools/mutation-check's faults in the math helpers (math_test.cpp,
# known_values_test.cpp): each argument lies where one branch, constant or correction matters.
print("-log(1 - double(1 - 1e-7))", f(-mp.log(1 - mpf(1.0 - 1e-7))))
print("exp(3/64)           ", f(exp(mpf(3) / 64)))
print("log(15/16)          ", f(mp.log(mpf(15) / 16)))
print("log(39/64)          ", f(mp.log(mpf(39) / 64)))
print("log1p(2^-21)        ", f(log1p(mpf(2) ** -21)))
print("log1p(double(-0.3)) ", f(log1p(mpf(-0.3))))
print("sigma(-24)          ", f(sigma(mpf(-24))))
print("sigma'(-24)         ", f(sigma(mpf(-24)) * sigma(mpf(24))))
print("sigma'(-1/16)       ", f(sigma(mpf(-1) / 16) * sigma(mpf(1) / 16)))
print("sigma'(-10.625)     ", f(sigma(mpf(-10.625)) * sigma(mpf(10.625))))
# Dekker's two_product, exactly: a b = hi + lo with hi = fl(a b), in rationals.
from fractions import Fraction
a = float.fromhex("0x1.bd69fe34dd719p+0")
b = float.fromhex("0x1.ec1d7db0f6162p+0")
print("two_product(a, b)   ", (a * b).hex(), float(Fraction(a) * Fraction(b) - Fraction(a * b)).hex())
