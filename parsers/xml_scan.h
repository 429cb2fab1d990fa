// Private to parsers/: a forgiving, non-recursive scanner over the XML of
// sitemaps and feeds. It reports start tags, end tags and text in order;
// it checks no well-formedness and keeps no element stack, so hostile input
// costs time linear in its size and no memory beyond one token.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

struct XmlToken {
  enum class Kind { kStart, kEnd, kText };
  Kind kind = Kind::kText;
  std::string_view name;        // qualified name ("atom:link") for kStart and kEnd
  std::string_view attributes;  // the raw attribute text of a start tag
  std::string_view text;        // kText: raw text, or the inside of a CDATA section
  bool self_closing = false;    // "<link ... />"
  bool cdata = false;           // text is CDATA: no entities to decode
};

class XmlScanner {
 public:
  explicit XmlScanner(std::string_view xml);
  XmlScanner(const XmlScanner&) = delete;
  XmlScanner& operator=(const XmlScanner&) = delete;

  // The next token; false at the end of the input. Comments, processing
  // instructions and declarations (<!DOCTYPE ...>) are skipped.
  bool Next(XmlToken* token);

 private:
  std::string_view xml_;
  size_t at_ = 0;
};

// "atom:link" -> "link".
std::string_view LocalName(std::string_view qualified);

// Text with the XML entities (&amp; &lt; &gt; &quot; &apos;) and character
// references (&#39; &#x2019;) decoded to UTF-8; unknown entities kept.
std::string DecodeXmlEntities(std::string_view text);

// The decoded value of the attribute named name (qualified, "rdf:about", or
// local, "about") in a start tag's attribute text; false when absent.
bool XmlAttribute(std::string_view attributes, std::string_view name, std::string* value);

}  // namespace linkgraph::parsers
