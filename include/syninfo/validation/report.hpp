// The validation report: statistics of a complete set of records, the claims
// table, CSVs, gnuplot figures and report.md.
//
// Everything written is a function of the configuration and the records only
// (no clock, no thread count), so the same seed gives the same bytes in
// report.md and the CSVs, and merged shards give exactly a single run's files.
#pragma once

#include "syninfo/validation/config.hpp"
#include "syninfo/validation/records.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace syninfo::validation {

// One row of the claims table.
struct ClaimRow {
  std::string id;            // "C1" .. "C8"
  std::string claim;         // short statement
  std::string paper;         // the paper's number(s)
  std::string closed_form;   // this run's reproduction with CI
  std::string reproduces;    // does the closed form give the paper's number: "holds", "fails", "undecided", "n/a"
  std::string reproduction_reason;
  std::string truth;         // the ground-truth numbers
  std::string verdict;       // does the claim hold for the true information: "holds", "fails", "undecided" or "n/a"
  std::string reason;        // one line
  std::string to_decide;     // an undecided truth verdict: what sample size would decide it
};

struct ReportSummary {
  std::vector<ClaimRow> claims;
  std::vector<std::string> files;  // every file written, relative to the output directory
  std::vector<std::string> figure_failures;  // gnuplot problems (figures missing), empty when all drawn
};

// Writes report.md, claims.csv, the data CSVs, gnuplot scripts and PNGs into
// out_dir (which must exist). Figures that gnuplot cannot draw are listed in
// figure_failures and in report.md; the rest of the report is still written.
ReportSummary write_report(const ValidationConfig& config, const Records& records, const std::filesystem::path& out_dir);

}  // namespace syninfo::validation
