// bench/textbook.hpp: THE PEER, NOT GRADPROOF.
//
// The same 3-4-1 network as gradproof (sigmoid hidden layer, sigmoid output, binary
// cross-entropy, plain SGD), written the way a student writes it from the slides: plain
// loops over double arrays, std::exp / std::log1p from the C library, gradients into an
// output struct, the update in place. Nothing here is constexpr and nothing has a shape type.
//
//   z = W x + b1            h = 1 / (1 + exp(-z))       theta = U h + b2      y_hat = sigmoid(theta)
//   delta1 = y_hat - y      delta2_i = delta1 U_i h_i (1 - h_i)
//   dW = delta2^T x^T       db1 = delta2^T              dU = delta1 h^T       db2 = delta1
//   every parameter -= eta * its gradient
//
// bench/gradproof_bench.cpp times gradproof against this code, after checking that the two
// compute the same numbers (to ~1e-12 relative), so the ratio it prints compares one
// computation written two ways. The functions are inline in a header, as gradproof's are,
// so the optimiser sees both equally. This file is not part of the library and is not a
// reference for correctness (static_tests/ is).
#ifndef GRADPROOF_BENCH_TEXTBOOK_HPP
#define GRADPROOF_BENCH_TEXTBOOK_HPP

#include <cmath>

namespace textbook {

const int n_in = 3;      // beta: inputs
const int n_hidden = 4;  // alpha: hidden units

struct Net {
  double W[n_hidden][n_in];  // hidden weights (4 x 3)
  double b1[n_hidden];       // hidden bias
  double U[n_hidden];        // output weights (1 x 4)
  double b2;                 // output bias
};

struct Sample {
  double x[n_in];
  double y;  // label in [0, 1]
};

struct Forward {
  double z[n_hidden];
  double h[n_hidden];
  double theta;
  double y_hat;
};

struct Gradients {
  double delta1;
  double delta2[n_hidden];
  double dW[n_hidden][n_in];
  double db1[n_hidden];
  double dU[n_hidden];
  double db2;
};

inline double sigmoid(double t) { return 1.0 / (1.0 + std::exp(-t)); }

inline void forward(const Net& net, const double x[], Forward& f) {
  for (int i = 0; i < n_hidden; i++) {
    double sum = 0.0;
    for (int j = 0; j < n_in; j++) sum += net.W[i][j] * x[j];
    f.z[i] = sum + net.b1[i];
    f.h[i] = sigmoid(f.z[i]);
  }
  double theta = 0.0;
  for (int i = 0; i < n_hidden; i++) theta += net.U[i] * f.h[i];
  f.theta = theta + net.b2;
  f.y_hat = sigmoid(f.theta);
}

// Binary cross-entropy of a prediction: -(y log y_hat + (1 - y) log(1 - y_hat)).
inline double loss(double y_hat, double y) { return -(y * std::log(y_hat) + (1.0 - y) * std::log1p(-y_hat)); }

// Forward pass, then the gradients of the loss for one sample.
inline void backward(const Net& net, const double x[], double y, Gradients& g) {
  Forward f;
  forward(net, x, f);
  g.delta1 = f.y_hat - y;
  for (int i = 0; i < n_hidden; i++) g.delta2[i] = g.delta1 * net.U[i] * f.h[i] * (1.0 - f.h[i]);
  for (int i = 0; i < n_hidden; i++)
    for (int j = 0; j < n_in; j++) g.dW[i][j] = g.delta2[i] * x[j];
  for (int i = 0; i < n_hidden; i++) g.db1[i] = g.delta2[i];
  for (int i = 0; i < n_hidden; i++) g.dU[i] = g.delta1 * f.h[i];
  g.db2 = g.delta1;
}

// One step of SGD on one sample, in place.
inline void sgd_step(Net& net, const double x[], double y, double eta) {
  Gradients g;
  backward(net, x, y, g);
  for (int i = 0; i < n_hidden; i++)
    for (int j = 0; j < n_in; j++) net.W[i][j] -= eta * g.dW[i][j];
  for (int i = 0; i < n_hidden; i++) net.b1[i] -= eta * g.db1[i];
  for (int i = 0; i < n_hidden; i++) net.U[i] -= eta * g.dU[i];
  net.b2 -= eta * g.db2;
}

}  // namespace textbook

#endif  // GRADPROOF_BENCH_TEXTBOOK_HPP
