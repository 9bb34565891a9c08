// Sentences inside quotation marks are their speaker's claims: the
// detection, and the modality the pipeline gives what they state.

#include "ingest/quotation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/link_parser.h"
#include "ingest/pipeline.h"
#include "ingest/sentence_splitter.h"

namespace quiver::ingest {
namespace {

std::vector<bool> Quoted(const std::string& text) {
  const std::string nfc = NormalizeNfc(text);
  return SentencesInsideQuotation(nfc, SplitSentences(nfc));
}

TEST(Quotation, AQuoteOverTwoSentencesWithItsSpeakerAfter) {
  // The first sentence is all quote; the second ends with its speaker.
  EXPECT_EQ(Quoted("\u201CNorway blocked the deal. And that, of course, is what they "
                   "wanted,\u201D she told the paper. Sweden signed it."),
            (std::vector<bool>{true, false, false}));
}

TEST(Quotation, AsciiQuotesToggle) {
  EXPECT_EQ(Quoted("\"Norway blocked the deal.\" Sweden signed it. \"Denmark waited.\""),
            (std::vector<bool>{true, false, true}));
}

TEST(Quotation, AQuotedWordInsideASentenceDoesNotMakeItQuoted) {
  EXPECT_EQ(Quoted("Norway called the deal \u201Cunfair\u201D on Monday."),
            (std::vector<bool>{false}));
}

TEST(Quotation, ALineBreakClosesAnUnmatchedMark) {
  EXPECT_EQ(Quoted("\u201CNorway blocked the deal.\nSweden signed it."),
            (std::vector<bool>{true, false}));
}

TEST(Quotation, WhatAQuotedSentenceAssertsIsReported) {
  auto dict = LinkDictionary::Load();
  ASSERT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  SourceDocument doc;
  doc.source = "quote";
  doc.text =
      "\u201CNorway rejected the offer. That is what we expected,\u201D Erik Dahl told the "
      "paper.\nSweden rejected the offer.";
  ExtractedDocument out = ExtractDocument(doc, parser);
  std::string norway, sweden;
  for (const Triple& t : out.input.triples) {
    auto m = t.qualifiers.find("modality");
    ASSERT_NE(m, t.qualifiers.end());
    if (t.subject == "Norway" && t.relation == "reject") norway = m->second.ToString();
    if (t.subject == "Sweden" && t.relation == "reject") sweden = m->second.ToString();
  }
  EXPECT_EQ(norway, Value(std::string("reported")).ToString());
  EXPECT_EQ(sweden, Value(std::string("asserted")).ToString());
}

}  // namespace
}  // namespace quiver::ingest
