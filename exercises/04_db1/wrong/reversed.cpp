// Exercise 4, a typical wrong solution: an index run backwards (delta2 read from its last entry
// while db1 is written from its first), the kind of slip a loop makes and no type sees. The
// grade says that the numbers are right and their places are not.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> my_db1([[maybe_unused]] double delta1,
                                      [[maybe_unused]] const RowVector<double, 4>& delta2) {
  ColVector<double, 4> db1{};
  for (std::size_t i = 0; i < 4; ++i) db1(i, 0) = delta2(0, 3 - i);
  return db1;
}

GRADPROOF_GRADE(exercises::grade_db1(my_db1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_db1(my_db1)); }
