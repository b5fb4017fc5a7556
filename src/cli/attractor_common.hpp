// Options and JSON pieces shared by the `syninfo attractor` subcommands.
#pragma once

#include "command.hpp"

#include "syninfo/attractor/dynamics.hpp"

#include <set>
#include <string>

namespace syninfo::cli::attractor_cli {

json::Value num(double x);  // a number, or null when not finite

// --A, --r-max, --beta, --h0, --q-f, --beta-f, --x-f, --beta-g, --x-g, --tau.
extern const std::set<std::string> model_options;
attractor::AttractorParameters model_from(const Args& args);
json::Value model_json(const attractor::AttractorParameters& p, const attractor::LearningRule& rule);

// --N, --c, --p, --seed with the given defaults; UsageError for c <= 0.
extern const std::set<std::string> network_options;
attractor::NetworkSize network_size_from(const Args& args, const attractor::NetworkSize& defaults);
json::Value network_json(const attractor::NetworkSize& size, std::size_t connections);

// --dt, --scheme, --threads.
extern const std::set<std::string> integration_options;
attractor::IntegrationOptions integration_from(const Args& args, double default_dt_ms);
json::Value integration_json(const attractor::IntegrationOptions& o);

}  // namespace syninfo::cli::attractor_cli

namespace syninfo::cli::attractor_cli {
int run_information(int argc, char** argv);  // syninfo attractor information
}  // namespace syninfo::cli::attractor_cli
