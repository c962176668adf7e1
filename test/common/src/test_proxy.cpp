//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// The test CONNECT proxy (test_common/test_proxy.hpp).
#include <superoffice/erpsync/detail/prepared_config.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <atomic>
#include <cctype>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <test_common/test_proxy.hpp>

namespace superoffice::erpsync::test {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

struct test_proxy::impl : std::enable_shared_from_this<test_proxy::impl> {
    explicit impl(options o)
        : opt(std::move(o)), acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {}

    options opt;
    asio::io_context io;
    tcp::acceptor acceptor;
    std::thread thread;
    mutable std::mutex m;
    std::vector<std::string> heads;
    std::atomic<std::size_t> tunnels{0};

    // One client connection: its head, then the tunnel.
    struct session : std::enable_shared_from_this<session> {
        session(impl& o, tcp::socket s) : owner(o), down(std::move(s)), up(o.io), resolver(o.io) {}
        impl& owner;
        tcp::socket down; // the client
        tcp::socket up;   // the target
        tcp::resolver resolver;
        asio::streambuf in{8 * 1024}; // a longer head fails the read
        std::array<char, 16 * 1024> down_buf{}, up_buf{};

        void start() {
            asio::async_read_until(down, in, "\r\n\r\n",
                                   [self = shared_from_this()](error_code ec, std::size_t n) {
                                       if (!ec)
                                           self->on_head(n);
                                   });
        }

        void reply(std::string text) {
            auto msg = std::make_shared<std::string>(std::move(text));
            asio::async_write(down, asio::buffer(*msg),
                              [self = shared_from_this(), msg](error_code, std::size_t) {
                                  error_code ignored;
                                  self->down.shutdown(tcp::socket::shutdown_both, ignored);
                                  self->down.close(ignored);
                              });
        }

        static std::string status(unsigned code, std::string_view reason, std::string_view extra = {}) {
            return "HTTP/1.1 " + std::to_string(code) + " " + std::string(reason) + "\r\n" +
                   std::string(extra) + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        }

        static std::string_view header(std::string_view head, std::string_view name) {
            std::size_t pos = head.find("\r\n");
            while (pos != std::string_view::npos && pos + 2 < head.size()) {
                auto const start = pos + 2;
                auto const end = head.find("\r\n", start);
                auto line = head.substr(start, end - start);
                auto const colon = line.find(':');
                if (colon != std::string_view::npos && colon == name.size()) {
                    bool same = true;
                    for (std::size_t i = 0; i < colon; ++i)
                        same = same && std::tolower(static_cast<unsigned char>(line[i])) ==
                                           std::tolower(static_cast<unsigned char>(name[i]));
                    if (same) {
                        auto v = line.substr(colon + 1);
                        while (!v.empty() && v.front() == ' ')
                            v.remove_prefix(1);
                        return v;
                    }
                }
                pos = end;
            }
            return {};
        }

        void on_head(std::size_t n) {
            std::string const head(asio::buffers_begin(in.data()), asio::buffers_begin(in.data()) + n);
            in.consume(n);
            {
                std::lock_guard l(owner.m);
                owner.heads.push_back(head);
            }
            if (owner.opt.refuse_status != 0)
                return reply(status(owner.opt.refuse_status, "Refused"));
            // CONNECT host:port HTTP/1.1
            auto const line_end = head.find("\r\n");
            std::string_view const line = std::string_view(head).substr(0, line_end);
            if (line.substr(0, 8) != "CONNECT ")
                return reply(status(405, "Method Not Allowed", "Allow: CONNECT\r\n"));
            auto const target_end = line.find(' ', 8);
            if (target_end == std::string_view::npos || line.substr(target_end) != " HTTP/1.1")
                return reply(status(400, "Bad Request"));
            std::string_view const authority = line.substr(8, target_end - 8);
            if (!owner.opt.user.empty() &&
                header(head, "Proxy-Authorization") !=
                    "Basic " + detail::base64(owner.opt.user + ":" + owner.opt.password))
                return reply(status(407, "Proxy Authentication Required",
                                    "Proxy-Authenticate: Basic realm=\"test\"\r\n"));
            auto const colon = authority.rfind(':');
            if (colon == std::string_view::npos)
                return reply(status(400, "Bad Request"));
            std::string host(authority.substr(0, colon));
            std::string const port(authority.substr(colon + 1));
            if (host.size() > 2 && host.front() == '[' && host.back() == ']')
                host = host.substr(1, host.size() - 2);
            resolver.async_resolve(
                host, port, [self = shared_from_this()](error_code ec, tcp::resolver::results_type r) {
                    std::vector<tcp::endpoint> loopback;
                    if (!ec)
                        for (auto const& e : r)
                            if (e.endpoint().address().is_loopback())
                                loopback.push_back(e.endpoint());
                    if (loopback.empty())
                        return self->reply(status(502, "Bad Gateway"));
                    asio::async_connect(self->up, loopback, [self](error_code ec2, tcp::endpoint const&) {
                        if (ec2)
                            return self->reply(status(502, "Bad Gateway"));
                        self->on_connected();
                    });
                });
        }

        void on_connected() {
            ++owner.tunnels;
            auto msg = std::make_shared<std::string>("HTTP/1.1 200 Connection established\r\n\r\n");
            asio::async_write(
                down, asio::buffer(*msg), [self = shared_from_this(), msg](error_code ec, std::size_t) {
                    if (ec)
                        return self->close();
                    // bytes the client sent after its head belong to the tunnel
                    if (self->in.size() != 0) {
                        auto rest = std::make_shared<std::string>(asio::buffers_begin(self->in.data()),
                                                                  asio::buffers_end(self->in.data()));
                        self->in.consume(self->in.size());
                        asio::async_write(self->up, asio::buffer(*rest),
                                          [self, rest](error_code e, std::size_t) {
                                              if (e)
                                                  return self->close();
                                              self->pump(self->down, self->up, self->down_buf);
                                          });
                    } else {
                        self->pump(self->down, self->up, self->down_buf);
                    }
                    self->pump(self->up, self->down, self->up_buf);
                });
        }

        // Copies `from` to `to` until either fails or ends, then closes both.
        void pump(tcp::socket& from, tcp::socket& to, std::array<char, 16 * 1024>& buf) {
            from.async_read_some(asio::buffer(buf),
                                 [self = shared_from_this(), &from, &to, &buf](error_code ec, std::size_t n) {
                                     if (ec)
                                         return self->close();
                                     asio::async_write(to, asio::buffer(buf.data(), n),
                                                       [self, &from, &to, &buf](error_code e, std::size_t) {
                                                           if (e)
                                                               return self->close();
                                                           self->pump(from, to, buf);
                                                       });
                                 });
        }

        void close() {
            error_code ignored;
            down.shutdown(tcp::socket::shutdown_both, ignored);
            down.close(ignored);
            up.shutdown(tcp::socket::shutdown_both, ignored);
            up.close(ignored);
        }
    };

    void accept() {
        acceptor.async_accept([self = shared_from_this()](error_code ec, tcp::socket s) {
            if (ec)
                return;
            std::make_shared<session>(*self, std::move(s))->start();
            self->accept();
        });
    }
};

test_proxy::test_proxy(options o) : p_(std::make_shared<impl>(std::move(o))) {
    p_->accept();
    p_->thread = std::thread([p = p_.get()] { p->io.run(); });
}

test_proxy::~test_proxy() {
    p_->io.stop();
    p_->thread.join();
    // the pending handlers hold the impl and the sessions: destroying them closes every socket
    auto p = std::move(p_);
    p->io.restart();
    error_code ignored;
    p->acceptor.close(ignored);
    p->io.poll(); // lets the cancelled operations release their references
}

unsigned short test_proxy::port() const {
    return p_->acceptor.local_endpoint().port();
}

std::string test_proxy::url() const {
    return "http://127.0.0.1:" + std::to_string(port());
}

std::size_t test_proxy::requests() const {
    std::lock_guard l(p_->m);
    return p_->heads.size();
}

std::size_t test_proxy::tunnels() const {
    return p_->tunnels.load();
}

std::vector<std::string> test_proxy::heads() const {
    std::lock_guard l(p_->m);
    return p_->heads;
}

} // namespace superoffice::erpsync::test
