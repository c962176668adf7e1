//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_EXIT_CODES_HPP
#define ERPSYNC_CLI_EXIT_CODES_HPP

// The exit status of the erpsync command (documented in `erpsync --help` and docs/cli.md).

namespace erpsync_cli {

enum exit_code : int {
    /// The call answered; the bulk run resynced every key.
    exit_ok = 0,
    /// The server answered with an error (a refusal, an HTTP error status, a reply that cannot be
    /// read); a bulk run where some keys failed (or were refused) but something was done.
    exit_failed = 1,
    /// A usage error: unknown or conflicting options, a refused request body, a bad setting. Nothing
    /// was sent.
    exit_usage = 2,
    /// Nothing could be done: the call got no answer at all (connection refused, name not found,
    /// TLS failure, timeout); a bulk run where no key was resynced or refused (e.g. the target is
    /// unreachable or refuses the credentials).
    exit_nothing_done = 3,
    /// Interrupted (SIGINT; SIGTERM gives 143): a bulk run prints its partial summary first.
    exit_interrupted = 130,
};

} // namespace erpsync_cli

#endif
