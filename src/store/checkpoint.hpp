#pragma once
// Private: how far an unfinished run got, recorded in its staging folder
// after a batch so that `generate --resume` can continue it. Files of one
// row are rewritten from the checkpoint on; files spanning rows (manifest,
// labels.csv, COCO JSON and its side file, tars) are appended in index
// order, so the checkpoint keeps their lengths and resume cuts them back.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dataset/output.hpp"

namespace shapegen {

struct Checkpoint {
  std::uint64_t rows_done = 0;                 // of the rows this folder holds
  FileCensus census;                           // what was written up to here
  std::map<std::string, std::uint64_t> files;  // open streamed files -> their bytes
  std::vector<std::string> sinks;              // each sink's own state, in feed order
};

// Makes everything written so far durable (syncfs), then replaces the
// checkpoint file atomically. IoError naming the file on failure.
void write_checkpoint(const std::filesystem::path& dir, const Checkpoint& checkpoint);
// None when the folder has no checkpoint; IoError when it is unreadable.
std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& dir);

}  // namespace shapegen
