#!/usr/bin/env python3
"""Reference values in Keras's layout, from numpy, for static_tests/keras_reference.hpp.

Run:  /usr/bin/python3 tools/keras_reference.py      (Debian: apt-get install python3-numpy)
(/usr/bin/python3: Debian's numpy is installed for the system Python, not for a pyenv one.)

A second implementation of the Keras forward pass, sharing no code with gradproof: what a
Sequential of Dense(4, "sigmoid") and Dense(1, "sigmoid") computes, y = x K + b with x a row,
in numpy float64, sigmoid written as Keras's backend does, 1 / (1 + exp(-a)). The weights and
inputs are multiples of 1/64 (the network of tools/reference_values.py, transposed into
Keras's layout), so x K1 + b1 is exact in double whatever order or FMA numpy's matmul uses:
h and y_hat differ from gradproof's only through exp, the sigmoid's roundings and the output
layer's sum.

Printed with 17 significant digits (enough to give back the double exactly). When mpmath is
there too, each value's distance from the exact result (50 digits) is printed as a comment,
in ulps: numpy's own error, which the bounds in static_tests/keras_test.cpp must cover.
"""
import numpy as np

# Keras layout: hidden kernel K1 (In, Hidden) = W^T, bias (Hidden,); output K2 (Hidden, 1) = U^T, bias (1,).
K1 = np.array([[32, -24, 4, -48],
               [-16, 40, 20, -8],
               [8, 12, -36, 28]], dtype=np.float64) / 64
b1 = np.array([8, -4, 16, -12], dtype=np.float64) / 64
K2 = np.array([[60], [-44], [36], [-52]], dtype=np.float64) / 64
b2 = np.array([6], dtype=np.float64) / 64
# A batch of samples, one per row (Keras's layout): the reference sample, zeros, two more.
X = np.array([[48, -80, 40],
              [0, 0, 0],
              [64, 32, -96],
              [-128, 96, 16]], dtype=np.float64) / 64


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


A1 = X @ K1 + b1          # (4, 3) @ (3, 4) + (4,) -> (4, 4): exact (multiples of 1/4096)
H = sigmoid(A1)           # (4, 4)
A2 = H @ K2 + b2          # (4, 4) @ (4, 1) + (1,) -> (4, 1)
Y = sigmoid(A2)           # (4, 1)

f = lambda v: format(float(v), ".17g")
print(f"# numpy {np.__version__}")
for r in range(X.shape[0]):
    print(f"x[{r}]     ", ", ".join(f(v) for v in X[r]))
    print(f"h[{r}]     ", ", ".join(f(v) for v in H[r]))
    print(f"y_hat[{r}] ", f(Y[r, 0]))
    # S (1 - y_hat), with S = sum |K2_j h_j| + |b2|: the factor of keras_test.cpp's y_hat bound.
    S = float(np.sum(np.abs(K2[:, 0] * H[r])) + abs(b2[0]))
    print(f"# S (1 - y_hat) = {S * (1 - float(Y[r, 0])):.4f}")

try:
    from mpmath import mp, mpf, exp as mexp
except ImportError:
    raise SystemExit(0)

mp.dps = 50


def ulps(v, exact):
    """|v - exact| in ulps of the double nearest exact."""
    nearest = float(exact)
    return float(abs(mpf(float(v)) - exact) / mpf(np.spacing(abs(nearest))))


worst_h = worst_y = 0.0
for r in range(X.shape[0]):
    z = [sum(mpf(float(X[r, i])) * mpf(float(K1[i, j])) for i in range(3)) + mpf(float(b1[j])) for j in range(4)]
    h = [1 / (1 + mexp(-zj)) for zj in z]
    theta_exact = sum(h[j] * mpf(float(K2[j, 0])) for j in range(4)) + mpf(float(b2[0]))
    worst_h = max(worst_h, *(ulps(H[r, j], h[j]) for j in range(4)))
    worst_y = max(worst_y, ulps(Y[r, 0], 1 / (1 + mexp(-theta_exact))))
print(f"# numpy's error against mpmath (50 digits): h {worst_h:.3f} ulp, y_hat {worst_y:.3f} ulp")
