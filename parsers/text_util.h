// Private to parsers/: ASCII string helpers and whitespace normalisation.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/ascii.h"
#include "common/utf8.h"

namespace linkgraph::parsers {

bool ContainsIgnoreCase(std::string_view text, std::string_view needle);

// Collapses runs of whitespace (including no-break spaces) to one space within
// a line. '\n' in raw marks a line break and '\f' a paragraph break; the
// result has lines joined by "\n", paragraphs by "\n\n", nothing leading or
// trailing.
std::string CollapseText(std::string_view raw);

// The most characters a comment's byline may have ("Submitted by NAME on
// DATE", "NAME says: DATE at TIME"); a longer line is prose.
inline constexpr size_t kMaxBylineChars = 160;

// Words of text: runs of ASCII letters and digits or of non-ASCII
// characters, so that punctuation and dashes count for none.
size_t CountWords(std::string_view utf8);

// Whether text holds an ASCII digit.
bool HasDigit(std::string_view text);

// Whether one of the "-" or "_" separated parts of an id or class name is
// one of parts, in any case ("post-comments" has "comments").
bool HasNamePart(std::string_view name, std::span<const std::string_view> parts);

// Makes text safe to store and show, in place: drops what a terminal would
// obey instead of show (common/terminal_text.h's IsControlOrBidi: C0 but tab
// and line feed, DEL, C1, bidi overrides) and writes U+FFFD for each byte
// that is not UTF-8 (Gumbo turns an overflowing "&#8555555555" into one).
// Every string a parser returns passes through it.
void MakeTextSafe(std::string* text);

// The text on one line: every break becomes a space.
std::string OneLine(std::string_view text);

// A commenter's name without what themes print around it: a trailing
// "says:", "said," or its translation (schreibt, dijo, a \u00e9crit, ...), a
// leading "Comment by", "Comment from" or ", par" (a separator and a
// translated "by"), and the URL broken templates leak before it.
std::string WithoutSaysWord(std::string name);

// Whether text is only a says-word ("says:", "sagte,", "a dit"): the text
// after a name that themes mark no other way.
bool IsSaysWord(std::string_view text);

// Whether text opens with a byline's label: "Comment by", "Comment from:",
// "Posted by", "Written by", "Reply from".
bool OpensWithByLabel(std::string_view text);

// WordPress's pingback excerpt, shown where a comment's text would be:
// "[...] quoted text [...]" ("[\u2026]" too; the closing mark may be a bare
// ellipsis where the quote was cut).
bool IsPingbackExcerpt(std::string_view text);

}  // namespace linkgraph::parsers
