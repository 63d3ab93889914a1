#include "shapegen/shard.hpp"

#include <charconv>
#include <string_view>

#include "shapegen/error.hpp"

namespace shapegen {

RowRange shard_rows(const Shard& shard, std::uint64_t bases, std::uint64_t rows_per_base) {
  // 128 bits: index * bases may pass 2^64 for large counts.
  using Wide = unsigned __int128;
  const auto base_at = [&](std::uint64_t i) {
    return static_cast<std::uint64_t>(Wide(i) * bases / shard.count);
  };
  return {base_at(shard.index) * rows_per_base, base_at(shard.index + 1) * rows_per_base};
}

namespace {

constexpr std::uint64_t kMaxShards = 1000000000;
const char* const kAllowed =
    "allowed: I/N with 0 <= I < N <= 1000000000 (e.g. 0/4 .. 3/4), 'auto' (a Slurm job array) "
    "or 'auto/N' (also a Kubernetes Indexed Job)";

[[noreturn]] void invalid(const std::string& text, const std::string& why) {
  throw ConfigError("--shard: value '" + text + "' is invalid (" + why + "); " + kAllowed);
}

bool parse_number(std::string_view s, std::uint64_t& out) {
  const char* end = s.data() + s.size();
  const auto [at, ec] = std::from_chars(s.data(), end, out);
  return !s.empty() && ec == std::errc() && at == end;
}

// A whole number from the environment, or nothing when unset; a value that is
// not one is an error naming the variable.
bool env_number(const Environment& env, const char* name, const std::string& text,
                std::uint64_t& out) {
  const char* value = env(name);
  if (!value) return false;
  if (!parse_number(value, out))
    invalid(text, std::string(name) + "='" + value + "' is not a whole number");
  return true;
}

Shard checked(const std::string& text, Shard s, const std::string& source) {
  if (s.count == 0) invalid(text, "a count of 0" + source);
  if (s.count > kMaxShards) invalid(text, "more than 1000000000 shards" + source);
  if (s.index >= s.count)
    invalid(text, "index " + std::to_string(s.index) + " is not below the count " +
                      std::to_string(s.count) + source);
  return s;
}

Shard from_slurm(const std::string& text, const Environment& env, std::uint64_t id,
                 bool count_given, std::uint64_t given) {
  std::uint64_t min = 0, step = 1, count = 0;
  env_number(env, "SLURM_ARRAY_TASK_MIN", text, min);
  env_number(env, "SLURM_ARRAY_TASK_STEP", text, step);
  const bool have_count = env_number(env, "SLURM_ARRAY_TASK_COUNT", text, count);
  if (!have_count && !count_given)
    invalid(text,
            "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give the "
            "count as auto/N");
  if (have_count && count_given && count != given)
    invalid(text, "the Slurm array has " + std::to_string(count) +
                      " tasks (SLURM_ARRAY_TASK_COUNT), not " + std::to_string(given));
  if (!have_count) count = given;
  // --array=10-13 numbers tasks from 10, --array=0-14:2 in steps of 2: the
  // shard is the task's place in the array.
  if (id < min || step == 0 || (id - min) % step != 0)
    invalid(text, "SLURM_ARRAY_TASK_ID=" + std::to_string(id) +
                      " is not SLURM_ARRAY_TASK_MIN=" + std::to_string(min) +
                      " plus a multiple of SLURM_ARRAY_TASK_STEP=" + std::to_string(step));
  return checked(text, {(id - min) / step, count},
                 " in the Slurm array: --array must be one range lo-hi[:step], not a list");
}

Shard automatic(const std::string& text, const Environment& env) {
  std::uint64_t given = 0;
  const bool count_given = text.size() > 4;
  if (count_given && (text[4] != '/' || !parse_number(std::string_view(text).substr(5), given)))
    invalid(text, "expected auto or auto/N");
  std::uint64_t id = 0;
  if (env_number(env, "SLURM_ARRAY_TASK_ID", text, id))
    return from_slurm(text, env, id, count_given, given);
  if (env_number(env, "JOB_COMPLETION_INDEX", text, id)) {
    std::uint64_t count = given;
    if (!count_given && !env_number(env, "SHAPEGEN_SHARD_COUNT", text, count))
      invalid(text,
              "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) gives the index but not the "
              "count; give it as auto/N or in SHAPEGEN_SHARD_COUNT");
    return checked(text, {id, count}, " (JOB_COMPLETION_INDEX of the Indexed Job)");
  }
  invalid(text,
          "no task index in the environment: neither SLURM_ARRAY_TASK_ID (Slurm job "
          "array) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set");
}

}  // namespace

Shard parse_shard(const std::string& text, const Environment& env) {
  if (text.rfind("auto", 0) == 0) return automatic(text, env);
  const std::size_t slash = text.find('/');
  Shard s;
  if (slash == std::string::npos ||
      !parse_number(std::string_view(text).substr(0, slash), s.index) ||
      !parse_number(std::string_view(text).substr(slash + 1), s.count))
    invalid(text, "expected I/N, two whole numbers");
  return checked(text, s, "");
}

}  // namespace shapegen
