#!/usr/bin/env python3
"""Writes runtime_tests/fuzz/corpus/: math_fuzzer's seed inputs, a handful of edge values as raw
little-endian bytes (math_fuzzer reads every 8 bytes as a double and every 4 as a float).
Run from anywhere: python3 runtime_tests/fuzz/make_corpus.py"""
import math
import os
import struct

def d(*xs): return b''.join(struct.pack('<d', x) for x in xs)
def f(*xs): return b''.join(struct.pack('<f', x) for x in xs)
def bits_d(*bs): return b''.join(struct.pack('<Q', b) for b in bs)
def bits_f(*bs): return b''.join(struct.pack('<I', b) for b in bs)
def up(x): return math.nextafter(x, math.inf)
def down(x): return math.nextafter(x, -math.inf)

DBL_MIN = 2.2250738585072014e-308
DBL_MAX = 1.7976931348623157e308
EXP_OVERFLOW_X = float.fromhex('0x1.62e42fefa39efp+9')    # gradproof's exp thresholds
EXP_UNDERFLOW_X = float.fromhex('-0x1.74910d52d3052p+9')
LN2 = math.log(2)

FILES = {
    'one.bin': d(1.0, -1.0),  # math_fuzzer_known_bad's input: exp(1) must be judged
    'zeros.bin': d(0.0, -0.0),
    # quiet NaN, negative NaN with a payload, signalling NaN, +inf, -inf
    'nan_inf.bin': bits_d(0x7ff8000000000000, 0xfff800000000002a, 0x7ff0000000000001, 0x7ff0000000000000,
                          0xfff0000000000000),
    'double_limits.bin': d(5e-324, -5e-324, DBL_MIN, down(DBL_MIN), DBL_MAX, -DBL_MAX, 2.0**-52),
    # exp: overflow and underflow thresholds, the |x| = 704 fast-path boundary, the subnormal results
    'exp_thresholds.bin': d(EXP_OVERFLOW_X, up(EXP_OVERFLOW_X), EXP_UNDERFLOW_X, down(EXP_UNDERFLOW_X), 704.0, -704.0,
                            down(704.0), up(-704.0), -708.3964185322641, -708.949),
    # exp: table and reduction boundaries (multiples of ln2/64), small arguments
    'exp_table.bin': d(LN2 / 64, -LN2 / 64, 3 * LN2 / 64, 0.5, -0.5, 10.0, -10.0, 0.1),
    # log1p: the pole, the |x| < 2^-54 shortcut, 1 + x = sqrt(2) and sqrt(2)/2, large x
    'log1p_edges.bin': d(up(-1.0), 2.0**-54, -2.0**-54, down(2.0**-54), math.sqrt(2) - 1, math.sqrt(2) / 2 - 1, -0.2937,
                         2.0**53, 1e300),
    # sigmoid, sigmoid_prime, softplus: the left tail at -40, the worst cases seen, softplus's
    # log1p shortcut (e^-|x| = 2^-54) and sqrt(2) split (e^-|x| = sqrt(2) - 1)
    'logistic_edges.bin': d(-40.0, down(-40.0), up(-40.0), -36.75, 36.75, 4.137, 54 * LN2, -54 * LN2,
                            math.asinh(1.0), -1.2655),
    # float: exp's overflow and underflow thresholds, FLT_MAX, the smallest subnormal, FLT_MIN
    'float_edges.bin': f(88.72283935546875, 88.72284698486328, -103.97207641601562, -87.33654022216797,
                         3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38, -40.0, 16.0, 0.125),
    # float: quiet NaN, negative NaN with a payload, signalling NaN, +inf, -inf, -0, subnormals
    'float_specials.bin': bits_f(0x7fc00000, 0xffc0002a, 0x7f800001, 0x7f800000, 0xff800000, 0x80000000, 0x00000001,
                                 0x807fffff),
}

if __name__ == '__main__':
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
    os.makedirs(out, exist_ok=True)
    for name, data in FILES.items():
        with open(os.path.join(out, name), 'wb') as fh:
            fh.write(data)
    print('\n'.join(sorted(FILES)))
