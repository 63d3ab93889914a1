#pragma once
// Private: user text made safe to echo in a one-line message. A value from a
// hostile preset may be megabytes long or hold NUL and control characters;
// an error message shows a bounded, visible, single-line excerpt of it.
#include <cstddef>
#include <string>
#include <string_view>

namespace shapegen {

// Control characters escaped (NUL as \0, tab as \t, others as \xNN) and at
// most `max_chars` bytes of `text` kept, cut at a UTF-8 character boundary
// and followed by "…" when cut.
std::string printable(std::string_view text, std::size_t max_chars = 80);

}  // namespace shapegen
