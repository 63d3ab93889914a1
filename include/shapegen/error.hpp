#pragma once
// layer: base
// Errors that reach the user. Every one carries a message a person can act on;
// the CLI prints it on one line and exits non-zero.
#include <stdexcept>
#include <string>

namespace shapegen {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A preset file, a command-line override or a combination of keys is invalid.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// A file or folder could not be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace shapegen
