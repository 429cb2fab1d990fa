#include "parsers/xml_scan.h"

#include <cstdint>

#include "common/utf8.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

bool IsXmlNameChar(char c) {
  return !IsAsciiSpace(c) && c != '/' && c != '>' && c != '=' && c != '<';
}

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The code point of "#39" or "#x2019"; 0 when invalid.
uint32_t CharacterReference(std::string_view reference) {
  bool hex = reference.size() > 1 && (reference[1] == 'x' || reference[1] == 'X');
  std::string_view digits = reference.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  uint32_t value = 0;
  for (char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return 0;
    value = value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
  }
  bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  return value > 0x10FFFF || surrogate ? 0 : value;
}

// The end of a declaration such as <!DOCTYPE x [ <!ENTITY ...> ]>.
size_t DeclarationEnd(std::string_view xml, size_t at) {
  int brackets = 0;
  for (size_t i = at; i < xml.size(); ++i) {
    if (xml[i] == '[') ++brackets;
    if (xml[i] == ']' && brackets > 0) --brackets;
    if (xml[i] == '>' && brackets == 0) return i;
  }
  return std::string_view::npos;
}

// The '>' that ends the tag starting at at, outside quoted values.
size_t TagEnd(std::string_view xml, size_t at) {
  char quote = 0;
  for (size_t i = at; i < xml.size(); ++i) {
    char c = xml[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

XmlScanner::XmlScanner(std::string_view xml) : xml_(xml) {}

bool XmlScanner::Next(XmlToken* token) {
  constexpr auto npos = std::string_view::npos;
  while (at_ < xml_.size()) {
    *token = XmlToken();
    std::string_view rest = xml_.substr(at_);
    if (rest[0] != '<' || rest.size() == 1) {
      size_t end = xml_.find('<', at_ + 1);
      if (end == npos) end = xml_.size();
      token->kind = XmlToken::Kind::kText;
      token->text = xml_.substr(at_, end - at_);
      at_ = end;
      return true;
    }
    if (rest.starts_with("<!--")) {
      size_t end = xml_.find("-->", at_ + 4);
      at_ = end == npos ? xml_.size() : end + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      size_t begin = at_ + 9;
      size_t end = xml_.find("]]>", begin);
      if (end == npos) end = xml_.size();
      token->kind = XmlToken::Kind::kText;
      token->text = xml_.substr(begin, end - begin);
      token->cdata = true;
      at_ = end == xml_.size() ? end : end + 3;
      return true;
    }
    if (rest.starts_with("<?")) {
      size_t end = xml_.find("?>", at_ + 2);
      at_ = end == npos ? xml_.size() : end + 2;
      continue;
    }
    if (rest.starts_with("<!")) {
      size_t end = DeclarationEnd(xml_, at_ + 2);
      at_ = end == npos ? xml_.size() : end + 1;
      continue;
    }
    bool closing = rest[1] == '/';
    size_t name_begin = at_ + (closing ? 2 : 1);
    if (name_begin >= xml_.size() || !IsNameStart(xml_[name_begin])) {
      // A stray '<' in text.
      size_t end = xml_.find('<', at_ + 1);
      if (end == npos) end = xml_.size();
      token->kind = XmlToken::Kind::kText;
      token->text = xml_.substr(at_, end - at_);
      at_ = end;
      return true;
    }
    size_t name_end = name_begin;
    while (name_end < xml_.size() && IsXmlNameChar(xml_[name_end])) ++name_end;
    size_t end = TagEnd(xml_, name_end);
    if (end == npos) {
      at_ = xml_.size();  // a truncated last tag
      return false;
    }
    token->kind = closing ? XmlToken::Kind::kEnd : XmlToken::Kind::kStart;
    token->name = xml_.substr(name_begin, name_end - name_begin);
    std::string_view attributes = xml_.substr(name_end, end - name_end);
    if (!closing && !attributes.empty() && attributes.back() == '/') {
      token->self_closing = true;
      attributes.remove_suffix(1);
    }
    token->attributes = closing ? std::string_view() : attributes;
    at_ = end + 1;
    return true;
  }
  return false;
}

std::string_view LocalName(std::string_view qualified) {
  size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string DecodeXmlEntities(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    size_t amp = text.find('&', at);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(at, amp - at));
    size_t semicolon = text.find(';', amp + 1);
    at = amp + 1;
    if (semicolon == std::string_view::npos || semicolon - amp > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view name = text.substr(amp + 1, semicolon - amp - 1);
    bool decoded = false;
    if (!name.empty() && name[0] == '#') {
      if (uint32_t code_point = CharacterReference(name); code_point != 0) {
        AppendUtf8(code_point, &out);
        decoded = true;
      }
    } else {
      for (const auto& [entity, value] : kNamed) {
        if (name == entity) {
          out.append(value);
          decoded = true;
          break;
        }
      }
    }
    if (decoded) {
      at = semicolon + 1;
    } else {
      out.push_back('&');
    }
  }
  if (at < text.size()) out.append(text.substr(at));
  return out;
}

bool XmlAttribute(std::string_view attributes, std::string_view name, std::string* value) {
  bool local = name.find(':') == std::string_view::npos;
  size_t at = 0;
  while (at < attributes.size()) {
    while (at < attributes.size() && (IsAsciiSpace(attributes[at]) || attributes[at] == '/')) ++at;
    size_t name_begin = at;
    while (at < attributes.size() && IsXmlNameChar(attributes[at])) ++at;
    std::string_view found = attributes.substr(name_begin, at - name_begin);
    while (at < attributes.size() && IsAsciiSpace(attributes[at])) ++at;
    std::string_view raw;
    if (at < attributes.size() && attributes[at] == '=') {
      ++at;
      while (at < attributes.size() && IsAsciiSpace(attributes[at])) ++at;
      if (at < attributes.size() && (attributes[at] == '"' || attributes[at] == '\'')) {
        char quote = attributes[at++];
        size_t end = attributes.find(quote, at);
        if (end == std::string_view::npos) end = attributes.size();
        raw = attributes.substr(at, end - at);
        at = end == attributes.size() ? end : end + 1;
      } else {
        size_t begin = at;
        while (at < attributes.size() && !IsAsciiSpace(attributes[at])) ++at;
        raw = attributes.substr(begin, at - begin);
      }
    }
    if (found.empty()) {
      if (at == name_begin) ++at;  // a stray character: step over it
      continue;
    }
    if (EqualsIgnoreCase(found, name) || (local && EqualsIgnoreCase(LocalName(found), name))) {
      *value = DecodeXmlEntities(raw);
      return true;
    }
  }
  return false;
}

}  // namespace linkgraph::parsers
