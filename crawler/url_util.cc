#include "crawler/url_util.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "crawler/crawler.h"

namespace linkgraph::crawler {
namespace {

bool KeptInPath(char c) {
  static constexpr std::string_view kKept = "-._~/!$&'()*+,;=:@";
  return IsAsciiLetter(c) || IsAsciiDigit(c) || kKept.find(c) != std::string_view::npos;
}

}  // namespace

int HexDigitValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreservedUrlChar(char c) {
  return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

void AppendPercentEscape(unsigned char byte, std::string* out) {
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHexDigits[byte >> 4]);
  out->push_back(kHexDigits[byte & 0x0F]);
}

std::string SchemeOf(std::string_view url) {
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAsciiLetter(url[0])) return "";
  for (char c : url.substr(0, colon)) {
    if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') return "";
  }
  return ToLowerAscii(url.substr(0, colon));
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexDigitValue(text[i + 1]) >= 0 &&
        HexDigitValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexDigitValue(text[i + 1]) * 16 + HexDigitValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (KeptInPath(c)) {
      out += c;
    } else {
      AppendPercentEscape(static_cast<unsigned char>(c), &out);
    }
  }
  return out;
}

std::string FilePathFromUrl(const std::string& url) {
  if (!StartsWithIgnoreCase(url, "file:")) return "";
  std::string_view rest(url);
  rest.remove_prefix(5);
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const size_t slash = rest.find('/');
    const std::string_view host = rest.substr(0, slash);
    // Only this machine's files: "file:///p" and "file://localhost/p".
    if (!host.empty() && ToLowerAscii(host) != "localhost") return "";
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  if (!rest.starts_with('/')) return "";
  std::string path = PercentDecode(rest);
  // An encoded NUL would cut the path short in every C API below us.
  if (path.find('\0') != std::string::npos) return "";
  return path;
}

std::string FileUrlFromPath(const std::string& path) {
  std::error_code ignored;
  std::filesystem::path absolute = std::filesystem::absolute(path, ignored);
  if (absolute.empty()) absolute = path;
  return "file://" + PercentEncodePath(absolute.string());
}

std::optional<UrlParts> SplitCanonicalUrl(std::string_view url) {
  UrlParts parts;
  const size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  parts.scheme = url.substr(0, colon);
  if (parts.scheme != "http" && parts.scheme != "https" && parts.scheme != "file") {
    return std::nullopt;
  }
  std::string_view rest = url.substr(colon + 3);
  const size_t path_start = rest.find('/');
  const std::string_view authority = rest.substr(0, path_start);
  rest = rest.substr(std::min(path_start, rest.size()));  // views stay inside url
  const size_t question = rest.find('?');
  parts.path = rest.substr(0, question);
  if (question != std::string_view::npos) parts.query = rest.substr(question + 1);
  if (parts.scheme == "file") return parts;
  // The port follows the last ':' that is not inside an IPv6 literal.
  const size_t bracket = authority.rfind(']');
  const size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos &&
      (bracket == std::string_view::npos || port_colon > bracket)) {
    parts.host = authority.substr(0, port_colon);
    parts.port = authority.substr(port_colon + 1);
  } else {
    parts.host = authority;
  }
  if (parts.host.empty()) return std::nullopt;
  return parts;
}

std::string FileUrlFolder(std::string_view file_url) {
  return std::string(file_url.substr(0, file_url.rfind('/') + 1));
}

std::string HostKey(const UrlParts& parts) {
  std::string key(parts.host);
  if (!parts.port.empty()) key.append(":").append(parts.port);
  return key;
}

std::string HostKeyOfCanonical(std::string_view canonical_url) {
  const std::optional<UrlParts> parts = SplitCanonicalUrl(canonical_url);
  return parts ? HostKey(*parts) : std::string();
}

}  // namespace linkgraph::crawler
