#pragma once
// What a fuzz target asserts beyond "no crash": a broken promise prints
// what broke and aborts, which libFuzzer (and the replay driver's test)
// reports as a failure with the input that caused it.
#include <cstdio>
#include <cstdlib>
#include <string>

namespace shapegen::fuzz {

inline void require(bool holds, const std::string& promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise.c_str());
  std::abort();
}

}  // namespace shapegen::fuzz
