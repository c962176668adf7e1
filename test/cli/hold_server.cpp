//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// hold_server: runs a command against a loopback server that takes requests and never answers
// them, for the erpsync command's tests of timeouts and interruption (test/cli/CMakeLists.txt).
//
//   hold_server [--interrupt] -- <command> <arguments...>
//
// Listens on 127.0.0.1 (a free port), replaces the argument `{url}` by http://127.0.0.1:<port>,
// runs the command and reads what it sends. With --interrupt, SIGINT goes to the command once its
// first request has arrived (so calls are surely in flight). Exits with the command's exit status
// (128 + the signal when it was killed by one); its output passes through. POSIX only, loopback
// only; bounded: the command is killed after 50 s.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
    bool interrupt = false;
    int i = 1;
    for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i)
        interrupt |= std::strcmp(argv[i], "--interrupt") == 0;
    if (i + 1 >= argc) {
        std::fprintf(stderr, "usage: hold_server [--interrupt] -- <command> <arguments...>\n");
        return 2;
    }
    int const lsn = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (lsn < 0 || bind(lsn, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(lsn, 64) != 0 ||
        getsockname(lsn, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        std::perror("hold_server: listen");
        return 2;
    }
    std::string const url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
    std::vector<std::string> args(argv + i + 1, argv + argc);
    std::vector<char*> cargs;
    for (auto& a : args) {
        if (a == "{url}")
            a = url;
        cargs.push_back(a.data());
    }
    cargs.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawnp(&pid, cargs[0], nullptr, nullptr, cargs.data(), environ) != 0) {
        std::perror("hold_server: spawn");
        return 2;
    }
    std::vector<pollfd> fds{{lsn, POLLIN, 0}};
    bool signalled = false;
    auto const until = std::chrono::steady_clock::now() + std::chrono::seconds(50);
    for (;;) {
        int st = 0;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            for (auto& f : fds)
                close(f.fd);
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        }
        if (std::chrono::steady_clock::now() > until) {
            std::fprintf(stderr, "hold_server: the command did not end within 50 s; killed\n");
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return 124;
        }
        if (poll(fds.data(), fds.size(), 10) <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            int const c = accept(lsn, nullptr, nullptr);
            if (c >= 0)
                fds.push_back({c, POLLIN, 0});
        }
        for (std::size_t k = 1; k < fds.size(); ++k) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t const n = read(fds[k].fd, buf, sizeof buf);
            if (n > 0 && interrupt && !signalled) { // a request is in flight: interrupt the command
                kill(pid, SIGINT);
                signalled = true;
            }
            if (n <= 0) { // closed by the command: forget it
                close(fds[k].fd);
                fds.erase(fds.begin() + static_cast<std::ptrdiff_t>(k));
                --k;
            }
        }
    }
}
