// Dates: any text gives "" or an ISO 8601 date(-time) of a real day, and
// reading that output again gives it back.
#include <string>

#include "parsers/dates.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

bool Digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

// "YYYY-MM-DD", optionally "THH:MM:SS" and a zone "+HH:MM"/"-HH:MM".
bool LooksIso(const std::string& date) {
  if (date.size() < 10 || !Digits(date.substr(0, 4)) || date[4] != '-' ||
      !Digits(date.substr(5, 2)) || date[7] != '-' || !Digits(date.substr(8, 2))) {
    return false;
  }
  const int month = std::stoi(date.substr(5, 2));
  const int day = std::stoi(date.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (date.size() == 10) return true;
  if (date.size() < 19 || date[10] != 'T' || date[13] != ':' || date[16] != ':') return false;
  if (std::stoi(date.substr(11, 2)) > 23 || std::stoi(date.substr(14, 2)) > 59) return false;
  return date.size() == 19 || date.size() == 25;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string date = linkgraph::parsers::ParseDate(text);
  if (date.empty()) return 0;
  if (!LooksIso(date)) linkgraph::fuzz::Fail("not ISO 8601", date);
  return 0;
}
