//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEST_CANNED_SERVER_HPP
#define SO_ERPSYNC_TEST_CANNED_SERVER_HPP

// A loopback TCP server for tests that need exact bytes: it records each raw request and answers
// with the next scripted reply (raw bytes, then optionally closes or stalls). Bounded: it serves
// at most the scripted replies and stops with its destructor.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace superoffice::erpsync::test {

struct canned_reply {
    std::string bytes;        // written as is
    bool close_after = false; // close the connection after writing
    bool stall = false;       // write nothing and hold the connection until the server stops
    bool drop = false;        // close the connection without answering (a keep-alive race)
    bool reset = false;       // with drop: abort with a TCP reset instead of a clean close
};

class canned_server {
public:
    /// `read_delay`: how long to leave each request unread first (the client's writes then find
    /// the socket buffers full).
    explicit canned_server(std::vector<canned_reply> replies, std::chrono::milliseconds read_delay = {})
        : replies_(replies.begin(), replies.end()), read_delay_(read_delay),
          acceptor_(io_, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
        port_ = acceptor_.local_endpoint().port();
        thread_ = std::thread([this] { run(); });
    }
    ~canned_server() {
        stopping_ = true;
        boost::system::error_code ec;
        // wake a blocking accept
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket s(io);
        s.connect(acceptor_.local_endpoint(), ec);
        s.close(ec);
        thread_.join();
    }

    std::string url(std::string const& path = "/crm") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    std::vector<std::string> requests() const {
        std::lock_guard l(m_);
        return requests_;
    }
    std::size_t connections() const {
        std::lock_guard l(m_);
        return connections_;
    }

private:
    void run() {
        while (!stopping_) {
            boost::asio::ip::tcp::socket sock(io_);
            boost::system::error_code ec;
            acceptor_.accept(sock, ec);
            if (ec || stopping_)
                return;
            {
                std::lock_guard l(m_);
                ++connections_;
            }
            serve(sock);
        }
    }
    void serve(boost::asio::ip::tcp::socket& sock) {
        boost::asio::streambuf buf;
        for (;;) {
            boost::system::error_code ec;
            if (read_delay_.count() > 0)
                std::this_thread::sleep_for(read_delay_);
            std::size_t n = boost::asio::read_until(sock, buf, "\r\n\r\n", ec);
            if (ec)
                return;
            std::string head(boost::asio::buffers_begin(buf.data()),
                             boost::asio::buffers_begin(buf.data()) + n);
            buf.consume(n);
            std::size_t len = 0;
            if (auto p = head.find("Content-Length: "); p != std::string::npos)
                len = std::stoul(head.substr(p + 16));
            if (buf.size() < len)
                boost::asio::read(sock, buf, boost::asio::transfer_exactly(len - buf.size()), ec);
            if (ec) // the client gave up before the whole body arrived
                return;
            std::string body(boost::asio::buffers_begin(buf.data()),
                             boost::asio::buffers_begin(buf.data()) + len);
            buf.consume(len);
            canned_reply r;
            {
                std::lock_guard l(m_);
                requests_.push_back(head + body);
                if (replies_.empty())
                    return;
                r = replies_.front();
                replies_.pop_front();
            }
            if (r.drop) {
                if (r.reset) { // an explicit close: Asio's destructor would clear the linger option
                    sock.set_option(boost::asio::socket_base::linger(true, 0), ec);
                    sock.close(ec);
                }
                return;
            }
            if (r.stall) {
                while (!stopping_)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                return;
            }
            boost::asio::write(sock, boost::asio::buffer(r.bytes), ec);
            if (ec || r.close_after)
                return;
        }
    }

    std::deque<canned_reply> replies_;
    std::chrono::milliseconds read_delay_;
    boost::asio::io_context io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_ = 0;
    std::thread thread_;
    mutable std::mutex m_;
    std::vector<std::string> requests_;
    std::size_t connections_ = 0;
    std::atomic<bool> stopping_{false};
};

/// An HTTP/1.1 response with a JSON body.
inline std::string http_reply(int status, std::string const& reason, std::string const& body,
                              std::string const& extra_headers = "") {
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

} // namespace superoffice::erpsync::test

#endif
