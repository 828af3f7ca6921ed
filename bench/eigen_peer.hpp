// bench/eigen_peer.hpp: THE EIGEN PEER, NOT GRADPROOF.
//
// The same 3-4-1 network (sigmoid hidden layer, sigmoid output, binary cross-entropy, plain
// per-sample SGD) written the way an Eigen 3.4 user writes it: fixed-size types
// (Matrix<double, 4, 3> W, Vector4d b1, RowVector4d U, double b2), the forward pass as
// W * x + b1 with the sigmoid over .array() (Eigen's own vectorised exp), the gradients as
// expressions (an outer product for dW), the update as `param -= eta * grad`.
//
//   z = W x + b1            h = 1 / (1 + exp(-z))       theta = U h + b2      y_hat = sigmoid(theta)
//   delta1 = y_hat - y      delta2 = delta1 U .* (h .* (1 - h))^T
//   dW = delta2^T x^T       db1 = delta2^T              dU = delta1 h^T       db2 = delta1
//
// bench/gradproof_bench.cpp times gradproof against this code after checking that the two
// compute the same numbers (to ~1e-12 relative). Built only when CMake finds Eigen 3.4
// (Debian: libeigen3-dev); bench/CMakeLists.txt then defines GRADPROOF_BENCH_HAVE_EIGEN and
// links Eigen3::Eigen, an imported (hence system) target, so Eigen's headers are not held to
// gradproof's warnings. Compiled with exactly the flags of the rest of the benchmark.
#ifndef GRADPROOF_BENCH_EIGEN_PEER_HPP
#define GRADPROOF_BENCH_EIGEN_PEER_HPP

#include <Eigen/Core>

#include <cmath>

namespace eigen_peer {

using Matrix43 = Eigen::Matrix<double, 4, 3>;

struct Net {
  Matrix43 W;            // hidden weights (4 x 3)
  Eigen::Vector4d b1;    // hidden bias (4 x 1)
  Eigen::RowVector4d U;  // output weights (1 x 4)
  double b2;             // output bias
};

struct Sample {
  Eigen::Vector3d x;
  double y;  // label in [0, 1]
};

struct Forward {
  Eigen::Vector4d z;
  Eigen::Vector4d h;
  double theta;
  double y_hat;
};

struct Gradients {
  double delta1;
  Eigen::RowVector4d delta2;
  Matrix43 dW;
  Eigen::Vector4d db1;
  Eigen::RowVector4d dU;
  double db2;
};

inline double sigmoid(double t) { return 1.0 / (1.0 + std::exp(-t)); }

inline Forward forward(const Net& net, const Eigen::Vector3d& x) {
  Forward f;
  f.z = net.W * x + net.b1;
  f.h = (1.0 + (-f.z.array()).exp()).inverse().matrix();
  f.theta = net.U.dot(f.h) + net.b2;
  f.y_hat = sigmoid(f.theta);
  return f;
}

// Binary cross-entropy of a prediction: -(y log y_hat + (1 - y) log(1 - y_hat)).
inline double loss(double y_hat, double y) { return -(y * std::log(y_hat) + (1.0 - y) * std::log1p(-y_hat)); }

inline Gradients backward(const Net& net, const Eigen::Vector3d& x, double y) {
  const Forward f = forward(net, x);
  Gradients g;
  g.delta1 = f.y_hat - y;
  g.delta2 = g.delta1 * net.U.array() * (f.h.array() * (1.0 - f.h.array())).transpose();
  g.dW = g.delta2.transpose() * x.transpose();
  g.db1 = g.delta2.transpose();
  g.dU = g.delta1 * f.h.transpose();
  g.db2 = g.delta1;
  return g;
}

// One step of SGD on one sample, in place.
inline void sgd_step(Net& net, const Eigen::Vector3d& x, double y, double eta) {
  const Gradients g = backward(net, x, y);
  net.W -= eta * g.dW;
  net.b1 -= eta * g.db1;
  net.U -= eta * g.dU;
  net.b2 -= eta * g.db2;
}

}  // namespace eigen_peer

#endif  // GRADPROOF_BENCH_EIGEN_PEER_HPP
