#!/usr/bin/env python3
"""The worked example's step done by hand, as a student would hand it in: the test files of
gradproof-explain --mine (examples/explain/testdata/mine/), from a second implementation of the
slides' equations in mpmath at 60 significant digits that shares no code with gradproof (the
network and sample of tools/reference_values.py, gradproof::worked_example).

Run:  python3 tools/hand_homework.py      (Debian: apt-get install python3-mpmath)

Each file holds the fields a student writes (delta1, delta2, dW, db1, dU, db2, W_next, b1_next,
U_next, b2_next), every number rounded to 4 significant digits unless said otherwise, and, for
the wrong ones, the mistake made as the student would make it (then rounded):
  right.txt            everything right
  sign.txt             delta1 = y - y_hat, and delta2 from it (the mistake carried forward)
  sigma.txt            delta2 with sigma(z) where sigma'(z) belongs
  missing_fields.txt   right, without dW, db1, dU and the step
  coarse.txt           right, with delta2 written to one decimal place (which cannot tell it from
                       delta2 without U)
"""
from pathlib import Path

from mpmath import mp, mpf, exp

mp.dps = 60

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
y_hat = sigma(sum(U[i] * h[i] for i in range(4)) + b2)


def step(delta1, delta2):
    """Every field from the two deltas, as the slides compute them."""
    dW = [delta2[i] * x[j] for i in range(4) for j in range(3)]
    dU = [delta1 * h[i] for i in range(4)]
    return {
        "delta1": [delta1],
        "delta2": delta2,
        "dW": dW,
        "db1": delta2,
        "dU": dU,
        "db2": [delta1],
        "W_next": [W[k // 3][k % 3] - eta * dW[k] for k in range(12)],
        "b1_next": [b1[i] - eta * delta2[i] for i in range(4)],
        "U_next": [U[i] - eta * dU[i] for i in range(4)],
        "b2_next": [b2 - eta * delta1],
    }


def four_digits(v):
    return mp.nstr(v, 4, min_fixed=-5, max_fixed=5, strip_zeros=False)


def write(name, about, fields, digits=None):
    lines = ["# A hand computation of the docs' worked example's step (gradproof-explain's default input).",
             f"# {about}",
             "# Written by tools/hand_homework.py (mpmath, 60 digits, no gradproof code)."]
    for field, values in fields.items():
        text = ", ".join((digits or {}).get(field, four_digits)(v) for v in values)
        lines.append(f"{field} = {text}")
    path = Path(__file__).resolve().parent.parent / "examples" / "explain" / "testdata" / "mine" / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path}")


delta1 = y_hat - y
right = step(delta1, [delta1 * U[i] * sp[i] for i in range(4)])
write("right.txt", "Everything right.", right)
wrong_delta1 = y - y_hat
write("sign.txt", "delta1 = y - y_hat, the sign turned; delta2 computed from it; nothing after.",
      {k: v for k, v in step(wrong_delta1, [wrong_delta1 * U[i] * sp[i] for i in range(4)]).items()
       if k in ("delta1", "delta2")})
write("sigma.txt", "delta2 with sigma(z) = h where sigma'(z) belongs; the rest computed from that delta2.",
      step(delta1, [delta1 * U[i] * h[i] for i in range(4)]))
write("missing_fields.txt", "Right, but dW, db1, dU and the step are not there.",
      {k: v for k, v in right.items() if k in ("delta1", "delta2", "db2")})
write("coarse.txt", "Right, with delta2 written to one decimal place.", {k: right[k] for k in ("delta1", "delta2")},
      digits={"delta2": lambda v: f"{float(v):.1f}"})
