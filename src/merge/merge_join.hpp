#pragma once
// Private: the files of a dataset that span rows, joined from the shards'
// parts (in shard order) into what one run writes. Each streams: memory does
// not grow with the dataset. A part that is not as shapegen writes it is an
// IoError naming the file.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace shapegen {

using Paths = std::vector<std::filesystem::path>;

// manifest.jsonl: the parts one after the other.
void join_lines(const Paths& parts, const std::filesystem::path& out);
// labels.csv: one header (the same in every part), then every part's rows.
void join_table(const Paths& parts, const std::filesystem::path& out);
// annotations/instances_<split>.json: the head (info, licenses,
// categories) once, every part's images, then every part's annotations with
// their ids (1, 2, ... in each part) made one running count, as one run
// numbers them.
void join_coco(const Paths& parts, const std::filesystem::path& out);
// webdataset/<split>-NNNNNN.tar: the members of every part, then one end.
// `belongs(part, member name)` says whether a member may be in that part.
void join_tar(const Paths& parts, const std::filesystem::path& out,
              const std::function<bool(std::size_t part, const std::string& name)>& belongs);
// npy/<split>/*.npy: one header counting the rows of every part (the same
// array but for its first axis), then every part's rows.
void join_npy(const Paths& parts, const std::filesystem::path& out);
// data.yaml: `part` with its "path: " line naming `location`.
void write_location(const std::filesystem::path& part, const std::filesystem::path& out,
                    const std::filesystem::path& location);

}  // namespace shapegen
