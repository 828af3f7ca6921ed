#!/usr/bin/env python3
"""The NumPy broadcasting trap, next to gradproof's compile error for the same line
(docs/student.md shows this script's output).

b1 is the hidden bias, a (4, 1) column; delta2 = dL/dz is a (1, 4) row. The SGD step of b1
needs dL/db1 = delta2^T (slide 11). Written without the transpose, b1 - eta * delta2 is an
error in the mathematics, but NumPy broadcasts the column against the row and returns a (4, 4)
matrix, without an error or a warning. gradproof refuses to compile the same line.

Run it with a Python that has NumPy; on Debian: /usr/bin/python3 docs/numpy_broadcasting_trap.py
(package python3-numpy). The numbers are chosen to be read at a glance.
"""
import sys

try:
    import numpy as np
except ImportError:
    sys.exit(f"numpy_broadcasting_trap.py: this Python ({sys.executable}) has no NumPy; "
             "on Debian: apt-get install python3-numpy, then /usr/bin/python3 docs/numpy_broadcasting_trap.py")

b1 = np.array([[10.0], [20.0], [30.0], [40.0]])  # a (4, 1) column
delta2 = np.array([[2.0, 4.0, 6.0, 8.0]])  # a (1, 4) row
eta = 0.5

print("b1.shape =", b1.shape, "  delta2.shape =", delta2.shape, "  eta =", eta)
print()

wrong = b1 - eta * delta2
print("b1 - eta * delta2      # the transpose forgotten: no error, no warning")
print("shape", wrong.shape)
print(wrong)
print()

right = b1 - eta * delta2.T
print("b1 - eta * delta2.T    # dL/db1 = delta2^T: b1's shape")
print("shape", right.shape)
print(right)
print()

# The slides' outer product is "column times row": delta2^T ⊗ x^T. np.outer flattens both of
# its arguments, so np.outer(delta2, x) is the same (4, 3) matrix, W's shape.
x = np.array([[1.0], [0.0], [-1.0]])  # a (3, 1) column
dW = np.outer(delta2, x)
print("np.outer(delta2, x)    # the slides' delta2^T ⊗ x^T = dL/dW: W's shape")
print("shape", dW.shape)
print(dW)
print("equal to delta2.T @ x.T:", np.array_equal(dW, delta2.T @ x.T))
