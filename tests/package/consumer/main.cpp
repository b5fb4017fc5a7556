// The worked example's closed form through the installed package.
#include <syninfo/mutual_information.hpp>
#include <syninfo/spec.hpp>

#include <cmath>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto result = syninfo::fenton_wilkinson_mutual_information(syninfo::read_problem_file<double>(argv[1]));
  std::printf("mi_nats %.17g\n", result.mi_nats);
  // theory.md section 4: 0.64416436240407434282... nats (50-digit CLI value);
  // double agrees to about 1e-16, so 1e-13 leaves room only for rounding.
  return result.ok() && std::fabs(result.mi_nats - 0.64416436240407434282) < 1e-13 ? 0 : 1;
}
