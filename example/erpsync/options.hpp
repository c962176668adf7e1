//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_OPTIONS_HPP
#define ERPSYNC_CLI_OPTIONS_HPP

// The command line of erpsync: the parsed arguments, the environment variables standing in for
// options, and the client configuration made from them (options.cpp).

#include <superoffice/erpsync/client_config.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace erpsync_cli {

namespace erp = superoffice::erpsync;

/// A command-line mistake: reported as `error: <what>` with exit status 2 (`exit_usage`).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct arguments {
    std::map<std::string, std::string, std::less<>> values; // options taking a value, by name
    std::vector<std::string> headers;                       // -H/--header, in order
    bool sandbox = false;
    bool pretty = false;
    bool no_blank_values = false;
    bool progress = false;
    bool no_progress = false;
    bool resume = false;
    bool adaptive = false;
    bool help = false;
    bool version = false;
    bool insecure = false;
    bool password_stdin = false;
    int verbose = 0; // -v: 1, -vv: 2
    std::vector<std::string> positional;

    std::optional<std::string> get(std::string_view name) const {
        auto it = values.find(name);
        if (it == values.end())
            return std::nullopt;
        return it->second;
    }
};

arguments parse_arguments(int argc, char** argv);

/// An option, else its environment variable (unset or empty: nullopt).
std::optional<std::string> option_or_env(arguments const& a, std::string_view option, char const* variable,
                                         bool use_env = true);

/// Refuses options that mean nothing for `command`; with `calls`, the options of the target, its
/// credentials and the connection are allowed too.
void only_options(arguments const& a, std::vector<std::string_view> allowed, std::string_view command,
                  bool calls = true);

/// `text` as a whole number from `lo` to `hi`, else a usage error naming `option`.
long long parse_integer(std::string_view option, std::string const& text, long long lo, long long hi);

/// Seconds above 0 and at most 86400, else a usage error naming `what`.
std::chrono::steady_clock::duration parse_seconds(std::string_view what, std::string const& text);

/// The whole of a file; a usage error when it cannot be read.
std::string read_file(std::string const& path);

/// The in-process sandbox of `--sandbox` (serve.cpp): REST and SOAP on 127.0.0.1, seeded from
/// `--seed` or the default data.
class sandbox_handle {
public:
    virtual ~sandbox_handle() = default;
    virtual std::string base_url() const = 0;
    /// The Basic credentials it accepts (sent when none are given).
    virtual std::string user() const = 0;
    virtual std::string password() const = 0;
};
/// Starts the sandbox when `--sandbox` was given; null otherwise.
std::unique_ptr<sandbox_handle> start_sandbox(arguments const& a);

/// The client configuration from the options and environment. Secrets are never echoed; with
/// `-v` the library's log goes to stderr (it never holds a secret). `sandbox` is the in-process
/// sandbox, or null for a real target.
erp::client_config make_config(arguments const& a, sandbox_handle const* sandbox);

/// What `client::config_error` reported, as a usage error (`error: <message> (<details>)`, exit
/// status 2: nothing was sent). Does nothing when `ec` is empty.
void check_config(erp::error_code ec, erp::diagnostics const& diag);

/// Whether standard input is taken by an option (`--body -`, `--keys-file -`, `--password-stdin`,
/// `--ticket-file -`): two of them are refused.
void check_stdin_users(arguments const& a);

} // namespace erpsync_cli

#endif
