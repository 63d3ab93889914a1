#include "merge/merge_join.hpp"

#include <fstream>
#include <istream>
#include <sstream>
#include <vector>

#include "base/file_check.hpp"
#include "dataset/npy.hpp"
#include "dataset/tar.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

// What one piece of a part may take in memory: the head of a COCO file
// (info with the recipe, categories) and one of its array elements (an
// image or an annotation, as long as a manifest line may be), the header
// line of labels.csv. A part is checked before it is read (a FIFO, a
// device or a link to /dev/zero where a part should be is an IoError naming
// it) and streamed, so no part can hang merge or make it allocate more.
constexpr std::size_t kMaxHead = std::size_t(16) << 20;
constexpr std::size_t kMaxElement = std::size_t(64) << 20;  // verify's kMaxManifestLine
constexpr std::size_t kMaxHeaderLine = std::size_t(1) << 20;

struct Part : RegularFile {
  explicit Part(const fs::path& path) : RegularFile(path, path.string(), UINT64_MAX) {}
};

class Out {
 public:
  explicit Out(const fs::path& path) : path_(path) {
    out_.open(path, std::ios::binary | std::ios::trunc);
    if (!out_) throw IoError(path.string() + ": cannot be written");
  }
  void write(std::string_view s) { out_.write(s.data(), std::streamsize(s.size())); }
  void copy_rest(std::streambuf& in) {
    std::vector<char> chunk(1 << 16);
    for (std::streamsize n; (n = in.sgetn(chunk.data(), std::streamsize(chunk.size()))) > 0;)
      write(std::string_view(chunk.data(), std::size_t(n)));
  }
  void close() {
    out_.close();
    if (!out_) throw IoError(path_.string() + ": write failed (disk full?)");
  }

 private:
  fs::path path_;
  std::ofstream out_;
};

[[noreturn]] void not_ours(const fs::path& path, const std::string& why) {
  throw IoError(path.string() + ": " + why + "; not as shapegen writes it, so it cannot be merged");
}

// Reads one JSON array's elements after its '[' up to its ']', keeping
// strings whole (a ',' or ']' inside one is text).
class ArrayReader {
 public:
  ArrayReader(std::streambuf& in, const fs::path& path) : in_(in), path_(path) {}
  // The next element; false once the array has ended.
  bool next(std::string& element) {
    element.clear();
    if (done_) return false;
    int depth = 0;
    bool in_string = false, escaped = false;
    for (int c; (c = in_.sbumpc()) != EOF;) {
      if (in_string) {
        in_string = escaped || c != '"';
        escaped = !escaped && c == '\\';
      } else if (c == '"') {
        in_string = true;
      } else if (depth == 0 && (c == ',' || c == ']')) {
        done_ = c == ']';
        if (element.empty() && (c == ',' || seen_)) not_ours(path_, "an empty array element");
        seen_ = true;
        return !element.empty();
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
      if (element.size() >= kMaxElement)
        not_ours(path_, "an array element longer than " + std::to_string(kMaxElement) + " bytes");
      element.push_back(char(c));
    }
    not_ours(path_, "ends inside an array (truncated)");
  }

 private:
  std::streambuf& in_;
  const fs::path& path_;
  bool done_ = false, seen_ = false;
};

// Reads exactly `text` or fails.
void expect(std::streambuf& in, std::string_view text, const fs::path& path) {
  for (char c : text)
    if (in.sbumpc() != static_cast<unsigned char>(c))
      not_ours(path, "'" + std::string(text) + "' expected");
}

}  // namespace

void join_lines(const Paths& parts, const fs::path& out_path) {
  Out out(out_path);
  for (const fs::path& part : parts) {
    Part in(part);
    out.copy_rest(in);
  }
  out.close();
}

void join_table(const Paths& parts, const fs::path& out_path) {
  Out out(out_path);
  std::string header;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Part in(parts[i]);
    std::string line;
    for (int c; (c = in.sbumpc()) != EOF && c != '\n';) {
      if (line.size() >= kMaxHeaderLine)
        not_ours(parts[i],
                 "a header line longer than " + std::to_string(kMaxHeaderLine) + " bytes");
      line.push_back(char(c));
    }
    if (i == 0) {
      header = line;
      out.write(line + "\n");
    } else if (line != header) {
      not_ours(parts[i], "its header differs from " + parts[0].string() + "'s");
    }
    out.copy_rest(in);
  }
  out.close();
}

void join_coco(const Paths& parts, const fs::path& out_path) {
  const std::string images_key = "\"images\":[";
  // Elements of the two arrays, kept in a side file while images stream out.
  std::string head;
  Out out(out_path);
  const fs::path side_path = out_path.string() + ".annotations";
  std::uint64_t images = 0, annotations = 0;
  {
    Out side(side_path);
    std::string element;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Part in(parts[i]);
      std::streambuf& buf = in;
      // The head up to the images array, the same in every part.
      std::string part_head;
      for (int c; part_head.size() < images_key.size() ||
                  part_head.compare(part_head.size() - images_key.size(), images_key.size(),
                                    images_key) != 0;) {
        if ((c = buf.sbumpc()) == EOF || part_head.size() >= kMaxHead)
          not_ours(parts[i], "no images array");
        part_head.push_back(char(c));
      }
      if (i == 0) {
        head = part_head;
        out.write(head);
      } else if (part_head != head) {
        not_ours(parts[i], "its head (info, categories) differs from " + parts[0].string() + "'s");
      }
      ArrayReader image_list(buf, parts[i]);
      while (image_list.next(element)) out.write((images++ ? "," : "") + element);
      expect(buf, ",\"annotations\":[", parts[i]);
      ArrayReader annotation_list(buf, parts[i]);
      std::uint64_t local = 0;
      while (annotation_list.next(element)) {
        // {"id":<local>,...}: ids count from 1 in each part; one run counts on.
        const std::string prefix = "{\"id\":";
        const std::size_t comma = element.find(',');
        if (element.rfind(prefix, 0) != 0 || comma == std::string::npos ||
            element.substr(prefix.size(), comma - prefix.size()) != std::to_string(++local))
          not_ours(parts[i], "annotation " + std::to_string(local) + " lacks its id");
        side.write((annotations ? "," : "") + prefix + std::to_string(annotations + 1) +
                   element.substr(comma));
        ++annotations;
      }
      expect(buf, "}\n", parts[i]);
      if (buf.sgetc() != EOF) not_ours(parts[i], "data after the end");
    }
    side.close();
  }
  out.write("],\"annotations\":[");
  {
    Part side(side_path);
    out.copy_rest(side);
  }
  std::error_code ec;
  fs::remove(side_path, ec);
  out.write("]}\n");
  out.close();
}

void join_tar(const Paths& parts, const fs::path& out_path,
              const std::function<bool(std::size_t, const std::string&)>& belongs) {
  Out out(out_path);
  std::uint64_t written = 0;
  std::string data;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Part part(parts[i]);
    std::istream in(&part);
    in.exceptions(std::ios::badbit);  // a read error is the IoError it was
    tar::Reader reader(in);
    tar::Header header;
    tar::Reader::Next next;
    while ((next = reader.next(header)) == tar::Reader::Next::member) {
      if (!belongs(i, header.name))
        not_ours(parts[i], "member " + header.name + " is no row of this shard");
      if (!reader.data(data)) not_ours(parts[i], reader.error());
      const std::string member = tar::member(header.name, data);
      if (member.compare(0, tar::kBlock, header.block) != 0)
        not_ours(parts[i], "the header of " + header.name + " differs from shapegen's");
      out.write(member);
      written += member.size();
    }
    if (next == tar::Reader::Next::bad) not_ours(parts[i], reader.error());
  }
  out.write(tar::end(written));
  out.close();
}

void join_npy(const Paths& parts, const fs::path& out_path) {
  // First the headers: the merged one counts every part's rows.
  std::vector<npy::Header> heads;
  for (const fs::path& part : parts) {
    Part in(part);
    std::string bytes(npy::kMaxHeader, '\0');
    bytes.resize(std::size_t(in.sgetn(bytes.data(), std::streamsize(bytes.size()))));
    const auto head = npy::read_header(bytes);
    if (!head || head->shape.empty()) not_ours(part, "no .npy header of ours");
    if (!heads.empty() && (head->descr != heads[0].descr ||
                           !std::equal(head->shape.begin() + 1, head->shape.end(),
                                       heads[0].shape.begin() + 1, heads[0].shape.end())))
      not_ours(part, "its array differs from " + parts[0].string() + "'s but for its rows");
    std::uint64_t row = npy::element_bytes(head->descr);
    for (std::size_t i = 1; i < head->shape.size(); ++i) row *= head->shape[i];
    std::error_code ec;
    if (fs::file_size(part, ec) != head->length + head->shape[0] * row || ec)
      not_ours(part, "its length is not its header's rows");
    heads.push_back(*head);
  }
  std::vector<std::uint64_t> shape = heads.at(0).shape;
  shape[0] = 0;
  for (const npy::Header& h : heads) shape[0] += h.shape[0];
  Out out(out_path);
  out.write(npy::header(heads[0].descr, shape));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Part in(parts[i]);
    std::string head(heads[i].length, '\0');
    in.sgetn(head.data(), std::streamsize(head.size()));  // read, and checked, above
    out.copy_rest(in);
  }
  out.close();
}

void write_location(const fs::path& part, const fs::path& out_path, const fs::path& location) {
  const std::vector<std::uint8_t> bytes = read_regular_file(part, part.string(), kMaxPresetBytes);
  std::istringstream in(std::string(bytes.begin(), bytes.end()));
  Out out(out_path);
  bool found = false;
  for (std::string line; std::getline(in, line);) {
    if (!found && line.rfind("path: ", 0) == 0) {
      line = "path: " + location.string();
      found = true;
    }
    out.write(line + "\n");
  }
  if (!found) not_ours(part, "no 'path: ' line");
  out.close();
}

}  // namespace shapegen
