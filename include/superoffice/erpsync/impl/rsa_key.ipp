//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_RSA_KEY_IPP
#define SO_ERPSYNC_IMPL_RSA_KEY_IPP

// `rsa_key`, out of line: included by `rsa_key.hpp` in header-only builds, compiled once by
// `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION. Only OpenSSL 3 interfaces
// (EVP_PKEY, OSSL_PARAM, OSSL_ENCODER/DECODER); none of the deprecated RSA_* ones.
//
// Secrets: the key's text and its private numbers never reach a diagnostic; buffers that held
// private numbers are cleansed before they are freed.

#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace superoffice::erpsync::detail::rsa {

/// The smallest and largest modulus accepted (a bound on the work a hostile key can cause).
inline constexpr int min_bits = 1024;
inline constexpr int max_bits = 16384;

/// Removes the OpenSSL errors raised in its scope from the thread's error queue, so that they are
/// not mistaken later for the errors of an unrelated call (e.g. a TLS read on the same thread).
class error_queue_scope {
public:
    error_queue_scope() noexcept { ERR_set_mark(); }
    ~error_queue_scope() { ERR_pop_to_mark(); }
    error_queue_scope(error_queue_scope const&) = delete;
    error_queue_scope& operator=(error_queue_scope const&) = delete;
};

struct bio_free {
    void operator()(BIO* b) const noexcept { BIO_free(b); }
};
struct bn_free {
    void operator()(BIGNUM* b) const noexcept { BN_clear_free(b); }
};
struct pkey_ctx_free {
    void operator()(EVP_PKEY_CTX* c) const noexcept { EVP_PKEY_CTX_free(c); }
};
struct md_ctx_free {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
struct x509_free {
    void operator()(X509* x) const noexcept { X509_free(x); }
};
struct param_bld_free {
    void operator()(OSSL_PARAM_BLD* b) const noexcept { OSSL_PARAM_BLD_free(b); }
};
struct params_free {
    void operator()(OSSL_PARAM* p) const noexcept { OSSL_PARAM_free(p); }
};
struct decoder_free {
    void operator()(OSSL_DECODER_CTX* c) const noexcept { OSSL_DECODER_CTX_free(c); }
};
struct encoder_free {
    void operator()(OSSL_ENCODER_CTX* c) const noexcept { OSSL_ENCODER_CTX_free(c); }
};
using bio_ptr = std::unique_ptr<BIO, bio_free>;
using bn_ptr = std::unique_ptr<BIGNUM, bn_free>;

/// Owns an `EVP_PKEY*` until it is handed to an `rsa_key`.
struct pkey_holder {
    EVP_PKEY* p = nullptr;
    pkey_holder() = default;
    pkey_holder(pkey_holder const&) = delete;
    pkey_holder& operator=(pkey_holder const&) = delete;
    ~pkey_holder() { EVP_PKEY_free(p); }
    std::shared_ptr<evp_pkey_st> release() {
        std::shared_ptr<evp_pkey_st> s(p, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
        p = nullptr;
        return s;
    }
};

/// A `std::string` whose bytes are cleansed when it goes away (private numbers, key text).
struct secret_string {
    std::string s;
    secret_string() = default;
    explicit secret_string(std::string v) : s(std::move(v)) {}
    secret_string(secret_string const&) = delete;
    secret_string& operator=(secret_string const&) = delete;
    secret_string(secret_string&& o) noexcept : s(std::move(o.s)) {}
    ~secret_string() {
        if (!s.empty())
            OPENSSL_cleanse(s.data(), s.size());
    }
};

/// Never prompts for a pass phrase: an encrypted PEM simply fails to load.
extern "C" inline int no_passphrase(char*, int, int, void*) {
    return -1;
}

inline bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

inline bool has_private_parts(EVP_PKEY* k) noexcept {
    BIGNUM* d = nullptr;
    if (!k || EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_D, &d) != 1 || !d)
        return false;
    BN_clear_free(d);
    return true;
}

/// The public key's own checks, deterministic (the same key is always accepted or always refused):
/// an odd modulus without a prime factor below 1000, an odd public exponent in [3, n).
/// OpenSSL's `EVP_PKEY_public_check` is not used: its SP 800-56B test runs Miller-Rabin rounds
/// with random bases, and told a malformed modulus apart only in some of the reads (the fuzz
/// target `login_messages` found one refused 17 times in 3000). A prime or prime-power modulus
/// that passes these checks makes a key whose signatures anyone could forge, but a key set is
/// trusted for where it comes from (the login service, over TLS), not for its arithmetic.
inline bool public_parts_valid(EVP_PKEY* k, std::string& why) {
    BIGNUM* raw_n = nullptr;
    BIGNUM* raw_e = nullptr;
    EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_N, &raw_n);
    EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_E, &raw_e);
    std::unique_ptr<BIGNUM, bn_free> n(raw_n), e(raw_e);
    if (!n || !e) {
        why = "the public key has no modulus or exponent";
        return false;
    }
    if (!BN_is_odd(n.get())) {
        why = "the RSA modulus is even";
        return false;
    }
    if (!BN_is_odd(e.get()) || BN_is_one(e.get()) || BN_cmp(e.get(), n.get()) >= 0) {
        why = "the RSA public exponent is not an odd number between 3 and the modulus";
        return false;
    }
    for (BN_ULONG p = 3; p < 1000; p += 2) {
        bool prime = true;
        for (BN_ULONG q = 3; q * q <= p; q += 2)
            if (p % q == 0) {
                prime = false;
                break;
            }
        if (prime && BN_mod_word(n.get(), p) == 0) {
            why = "the RSA modulus has the small factor " + std::to_string(p);
            return false;
        }
    }
    return true;
}

/// The checks every key goes through: RSA (not RSA-PSS, not another algorithm), a sane size, and a
/// consistent pair for a private key (OpenSSL's pairwise check) or valid public parts otherwise
/// (`public_parts_valid`).
inline error_code check_key(EVP_PKEY* k, std::string& why) {
    if (!k) {
        why = "no key";
        return error::invalid_key;
    }
    if (EVP_PKEY_get_base_id(k) != EVP_PKEY_RSA || !EVP_PKEY_is_a(k, "RSA")) {
        why = "the key is not an RSA key";
        return error::invalid_key;
    }
    int bits = EVP_PKEY_get_bits(k);
    if (bits < min_bits || bits > max_bits) {
        why = "the RSA modulus has " + std::to_string(bits) + " bits (accepted: " + std::to_string(min_bits) +
              " to " + std::to_string(max_bits) + ")";
        return error::invalid_key;
    }
    std::unique_ptr<EVP_PKEY_CTX, pkey_ctx_free> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, k, nullptr));
    if (!ctx) {
        why = "OpenSSL could not check the key";
        return error::invalid_key;
    }
    if (has_private_parts(k)) {
        if (EVP_PKEY_pairwise_check(ctx.get()) != 1) {
            why = "the private key is inconsistent (its parts do not form an RSA key pair)";
            return error::invalid_key;
        }
    } else if (!public_parts_valid(k, why)) {
        return error::invalid_key;
    }
    return {};
}

/// The PEM label of the first `-----BEGIN ...-----` line, empty when there is none.
inline std::string_view pem_label(std::string_view text) noexcept {
    constexpr std::string_view begin = "-----BEGIN ";
    auto p = text.find(begin);
    if (p == std::string_view::npos)
        return {};
    auto rest = text.substr(p + begin.size());
    auto e = rest.find("-----");
    if (e == std::string_view::npos || rest.substr(0, e).find('\n') != std::string_view::npos)
        return {};
    return rest.substr(0, e);
}

/// Decodes a PEM block of `label` with OpenSSL's decoders (for `RSA PUBLIC KEY`, which has no
/// non-deprecated `PEM_read_*` function).
inline EVP_PKEY* decode_pem(std::string_view text, char const* structure, int selection) {
    EVP_PKEY* k = nullptr;
    std::unique_ptr<OSSL_DECODER_CTX, decoder_free> dctx(
        OSSL_DECODER_CTX_new_for_pkey(&k, "PEM", structure, "RSA", selection, nullptr, nullptr));
    if (!dctx)
        return nullptr;
    auto const* data = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t len = text.size();
    if (OSSL_DECODER_from_data(dctx.get(), &data, &len) != 1) {
        EVP_PKEY_free(k);
        return nullptr;
    }
    return k;
}

inline error_code parse_pem(std::string_view text, pkey_holder& out, std::string& why) {
    auto label = pem_label(text);
    if (text.find("-----END ") == std::string_view::npos) {
        why = "PEM block has no END line (truncated?)";
        return error::invalid_key;
    }
    if (label == "ENCRYPTED PRIVATE KEY" || text.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos) {
        why = "PEM block is encrypted (pass phrase protected keys are not supported)";
        return error::invalid_key;
    }
    bio_ptr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio) {
        why = "OpenSSL could not allocate a buffer";
        return error::invalid_key;
    }
    if (label == "RSA PRIVATE KEY" || label == "PRIVATE KEY") {
        out.p = PEM_read_bio_PrivateKey(bio.get(), nullptr, &no_passphrase, nullptr);
    } else if (label == "PUBLIC KEY") {
        out.p = PEM_read_bio_PUBKEY(bio.get(), nullptr, &no_passphrase, nullptr);
    } else if (label == "RSA PUBLIC KEY") {
        out.p = decode_pem(text, "type-specific", OSSL_KEYMGMT_SELECT_PUBLIC_KEY);
    } else if (label == "CERTIFICATE") {
        std::unique_ptr<X509, x509_free> cert(PEM_read_bio_X509(bio.get(), nullptr, &no_passphrase, nullptr));
        if (!cert) {
            why = "PEM CERTIFICATE block does not hold a readable certificate";
            return error::invalid_key;
        }
        out.p = X509_get_pubkey(cert.get());
    } else if (label == "EC PRIVATE KEY" || label == "DSA PRIVATE KEY" || label == "OPENSSH PRIVATE KEY") {
        why = "the key is not an RSA key";
        return error::invalid_key;
    } else {
        why = "PEM block is of an unsupported type (expected RSA PRIVATE KEY, PRIVATE KEY, PUBLIC KEY, "
              "RSA PUBLIC KEY or CERTIFICATE)";
        return error::invalid_key;
    }
    if (!out.p) {
        why = "PEM block could not be decoded (damaged or truncated base64 or DER)";
        return error::invalid_key;
    }
    return {};
}

/// Builds an RSA key from big-endian numbers. `priv` empty: a public key.
struct rsa_numbers {
    std::string n, e;
    // the private parts, in OpenSSL's order: d, p, q, dp, dq, qinv
    std::array<secret_string, 6> priv{};
    bool has_private = false;
};

inline error_code build_key(rsa_numbers const& nums, pkey_holder& out, std::string& why) {
    auto fail = [&](char const* msg) -> error_code {
        why = msg;
        return error::invalid_key;
    };
    std::unique_ptr<OSSL_PARAM_BLD, param_bld_free> bld(OSSL_PARAM_BLD_new());
    if (!bld)
        return fail("OpenSSL could not allocate a parameter builder");
    std::array<bn_ptr, 8> bns{};
    auto to_bn = [](std::string const& s) {
        return bn_ptr(
            BN_bin2bn(reinterpret_cast<unsigned char const*>(s.data()), static_cast<int>(s.size()), nullptr));
    };
    bns[0] = to_bn(nums.n);
    bns[1] = to_bn(nums.e);
    if (!bns[0] || !bns[1])
        return fail("OpenSSL could not allocate a number");
    if (BN_is_zero(bns[0].get()) || BN_is_zero(bns[1].get()))
        return fail("the modulus or the exponent is zero");
    bool ok = OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bns[0].get()) == 1 &&
              OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bns[1].get()) == 1;
    if (nums.has_private) {
        static constexpr char const* names[] = {
            OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,   OSSL_PKEY_PARAM_RSA_FACTOR2,
            OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
        for (std::size_t i = 0; i < 6 && ok; ++i) {
            bns[i + 2] = to_bn(nums.priv[i].s);
            ok = bns[i + 2] && OSSL_PARAM_BLD_push_BN(bld.get(), names[i], bns[i + 2].get()) == 1;
        }
    }
    if (!ok)
        return fail("OpenSSL could not hold the key's numbers");
    std::unique_ptr<OSSL_PARAM, params_free> params(OSSL_PARAM_BLD_to_param(bld.get()));
    std::unique_ptr<EVP_PKEY_CTX, pkey_ctx_free> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return fail("OpenSSL could not build an RSA key");
    if (EVP_PKEY_fromdata(ctx.get(), &out.p, nums.has_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) != 1)
        return fail("OpenSSL refused the key's numbers");
    return {};
}

/// The .NET `<RSAKeyValue>` form: each element once, in any order, its Base64 value trimmed.
inline error_code parse_xml(std::string_view text, pkey_holder& out, std::string& why) {
    auto fail = [&](std::string msg) -> error_code {
        why = std::move(msg);
        return error::invalid_key;
    };
    if (text.starts_with("<?xml")) { // an XML declaration
        auto e = text.find("?>");
        if (e == std::string_view::npos)
            return fail("XML key has an unterminated declaration");
        text = trim(text.substr(e + 2));
    }
    constexpr std::string_view open = "<RSAKeyValue>", close = "</RSAKeyValue>";
    if (!text.starts_with(open))
        return fail("XML key does not start with <RSAKeyValue>");
    if (!text.ends_with(close))
        return fail("XML key does not end with </RSAKeyValue>");
    text = text.substr(open.size(), text.size() - open.size() - close.size());

    static constexpr std::string_view names[] = {"Modulus", "Exponent", "D",  "P",
                                                 "Q",       "DP",       "DQ", "InverseQ"};
    std::array<std::optional<secret_string>, 8> values{};
    for (;;) {
        text = trim(text);
        if (text.empty())
            break;
        if (text.front() != '<' || text.starts_with("</"))
            return fail("XML key has text outside of the elements of <RSAKeyValue>");
        auto gt = text.find('>');
        if (gt == std::string_view::npos)
            return fail("XML key has an unterminated tag");
        auto name = text.substr(1, gt - 1);
        std::size_t slot = std::size(names);
        for (std::size_t i = 0; i < std::size(names); ++i)
            if (names[i] == name)
                slot = i;
        if (slot == std::size(names))
            return fail("XML key has an unknown element (expected Modulus, Exponent, P, Q, DP, DQ, InverseQ, "
                        "D)");
        std::string end_tag = "</" + std::string(name) + ">";
        auto end = text.find(end_tag, gt + 1);
        if (end == std::string_view::npos)
            return fail("XML key's <" + std::string(name) + "> is not closed");
        if (values[slot])
            return fail("XML key has <" + std::string(name) + "> twice");
        secret_string compact;
        for (char c : text.substr(gt + 1, end - gt - 1))
            if (!is_space(c))
                compact.s += c;
        auto bytes = base64_decode(compact.s);
        if (!bytes || bytes->empty())
            return fail("XML key's <" + std::string(name) + "> is not Base64 of a number");
        values[slot].emplace(std::move(*bytes));
        text = text.substr(end + end_tag.size());
    }
    rsa_numbers nums;
    if (!values[0])
        return fail("XML key lacks <Modulus>");
    if (!values[1])
        return fail("XML key lacks <Exponent>");
    nums.n = values[0]->s;
    nums.e = values[1]->s;
    for (std::size_t i = 2; i < 8; ++i)
        nums.has_private = nums.has_private || values[i].has_value();
    if (nums.has_private) {
        for (std::size_t i = 2; i < 8; ++i) {
            if (!values[i])
                return fail("XML key has private parts but lacks <" + std::string(names[i]) + ">");
            nums.priv[i - 2].s = std::move(values[i]->s);
        }
    }
    return build_key(nums, out, why);
}

/// `k`'s number `name` as big-endian bytes, left-padded with zeros to `width` (when not 0).
inline std::string number(EVP_PKEY* k, char const* name, int width = 0) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(k, name, &raw) != 1 || !raw)
        return {};
    bn_ptr bn(raw);
    int len = std::max(width, BN_num_bytes(bn.get()));
    std::string out(static_cast<std::size_t>(len), '\0');
    BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), len);
    return out;
}

/// What was written to `bio`, which is then freed.
inline std::string bio_text(BIO* bio) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

} // namespace superoffice::erpsync::detail::rsa

SO_ERPSYNC_DECL superoffice::erpsync::rsa_key
superoffice::erpsync::rsa_key::parse(std::string_view text, error_code& ec, diagnostics* diag) {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    ec = {};
    std::string why;
    r::pkey_holder k;
    auto t = r::trim(text);
    if (t.size() > (1u << 20)) {
        ec = error::invalid_key;
        why = "key text is larger than 1 MiB";
    } else if (t.starts_with("-----BEGIN ")) {
        ec = r::parse_pem(t, k, why);
    } else if (t.starts_with("<")) {
        ec = r::parse_xml(t, k, why);
    } else if (t.empty()) {
        ec = error::invalid_key;
        why = "key text is empty";
    } else {
        ec = error::invalid_key;
        why = "key text is neither PEM (-----BEGIN ...) nor .NET <RSAKeyValue> XML";
    }
    if (!ec)
        ec = r::check_key(k.p, why);
    if (ec) {
        if (diag)
            diag->client_message = "invalid RSA key: " + why;
        return {};
    }
    return rsa_key(k.release());
}

SO_ERPSYNC_DECL superoffice::erpsync::rsa_key
superoffice::erpsync::rsa_key::from_jwk(std::string_view n, std::string_view e, error_code& ec) {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    ec = {};
    auto nb = detail::base64url_decode(n);
    auto eb = detail::base64url_decode(e);
    if (!nb || !eb || nb->empty() || eb->empty()) {
        ec = error::invalid_key;
        return {};
    }
    r::rsa_numbers nums;
    nums.n = std::move(*nb);
    nums.e = std::move(*eb);
    r::pkey_holder k;
    std::string why;
    ec = r::build_key(nums, k, why);
    if (!ec)
        ec = r::check_key(k.p, why);
    if (ec)
        return {};
    return rsa_key(k.release());
}

SO_ERPSYNC_DECL superoffice::erpsync::rsa_key superoffice::erpsync::rsa_key::generate(unsigned bits) {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    std::unique_ptr<EVP_PKEY_CTX, r::pkey_ctx_free> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    r::pkey_holder k;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), static_cast<int>(bits)) != 1 ||
        EVP_PKEY_generate(ctx.get(), &k.p) != 1 || !k.p)
        throw std::runtime_error("rsa_key::generate: OpenSSL could not generate a " + std::to_string(bits) +
                                 "-bit RSA key");
    return rsa_key(k.release());
}

SO_ERPSYNC_DECL bool superoffice::erpsync::rsa_key::has_private() const noexcept {
    detail::rsa::error_queue_scope errors;
    return detail::rsa::has_private_parts(key_.get());
}

SO_ERPSYNC_DECL unsigned superoffice::erpsync::rsa_key::bits() const noexcept {
    return key_ ? static_cast<unsigned>(EVP_PKEY_get_bits(key_.get())) : 0u;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::public_pem() const {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    if (!key_)
        return {};
    r::bio_ptr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1)
        throw std::runtime_error("rsa_key::public_pem: OpenSSL could not write the key");
    return r::bio_text(bio.get());
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::private_pem() const {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    if (!has_private())
        return {};
    r::bio_ptr bio(BIO_new(BIO_s_secmem())); // cleansed when freed
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("rsa_key::private_pem: OpenSSL could not write the key");
    return r::bio_text(bio.get());
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::private_pem_pkcs1() const {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    if (!has_private())
        return {};
    r::bio_ptr bio(BIO_new(BIO_s_secmem()));
    std::unique_ptr<OSSL_ENCODER_CTX, r::encoder_free> enc(
        OSSL_ENCODER_CTX_new_for_pkey(key_.get(), EVP_PKEY_KEYPAIR, "PEM", "type-specific", nullptr));
    if (!bio || !enc || OSSL_ENCODER_to_bio(enc.get(), bio.get()) != 1)
        throw std::runtime_error("rsa_key::private_pem_pkcs1: OpenSSL could not write the key");
    return r::bio_text(bio.get());
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::private_xml() const {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    if (!key_)
        return {};
    EVP_PKEY* k = key_.get();
    r::secret_string n(r::number(k, OSSL_PKEY_PARAM_RSA_N));
    std::string xml = "<RSAKeyValue><Modulus>" + detail::base64(n.s) + "</Modulus><Exponent>" +
                      detail::base64(r::number(k, OSSL_PKEY_PARAM_RSA_E)) + "</Exponent>";
    if (r::has_private_parts(k)) {
        // .NET imports only when D is as long as the modulus and the others half as long
        int full = static_cast<int>(n.s.size()), half = (full + 1) / 2;
        struct part {
            char const* xml;
            char const* param;
            int width;
        };
        static constexpr part parts[] = {{"P", OSSL_PKEY_PARAM_RSA_FACTOR1, 1},
                                         {"Q", OSSL_PKEY_PARAM_RSA_FACTOR2, 1},
                                         {"DP", OSSL_PKEY_PARAM_RSA_EXPONENT1, 1},
                                         {"DQ", OSSL_PKEY_PARAM_RSA_EXPONENT2, 1},
                                         {"InverseQ", OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 1},
                                         {"D", OSSL_PKEY_PARAM_RSA_D, 2}};
        for (auto const& p : parts) {
            r::secret_string v(r::number(k, p.param, p.width == 2 ? full : half));
            if (v.s.empty())
                throw std::runtime_error("rsa_key::private_xml: OpenSSL could not export the key");
            xml += std::string("<") + p.xml + ">" + detail::base64(v.s) + "</" + p.xml + ">";
        }
    }
    xml += "</RSAKeyValue>";
    return xml;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::jwk_n() const {
    detail::rsa::error_queue_scope errors;
    return key_ ? detail::base64url(detail::rsa::number(key_.get(), OSSL_PKEY_PARAM_RSA_N)) : std::string();
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::jwk_e() const {
    detail::rsa::error_queue_scope errors;
    return key_ ? detail::base64url(detail::rsa::number(key_.get(), OSSL_PKEY_PARAM_RSA_E)) : std::string();
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::thumbprint() const {
    detail::rsa::error_queue_scope errors;
    if (!key_)
        return {};
    unsigned char* der = nullptr;
    int len = i2d_PUBKEY(key_.get(), &der);
    if (len <= 0)
        throw std::runtime_error("rsa_key::thumbprint: OpenSSL could not encode the key");
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned mdlen = 0;
    int ok = EVP_Digest(der, static_cast<std::size_t>(len), md, &mdlen, EVP_sha1(), nullptr);
    OPENSSL_free(der);
    if (ok != 1)
        throw std::runtime_error("rsa_key::thumbprint: OpenSSL could not hash the key");
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned i = 0; i < mdlen; ++i)
        out += hex[md[i] >> 4], out += hex[md[i] & 15];
    return out;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::rsa_key::sign_sha256(std::string_view data,
                                                                       error_code& ec) const {
    namespace r = detail::rsa;
    r::error_queue_scope errors;
    ec = {};
    if (!has_private()) {
        ec = error::invalid_key;
        return {};
    }
    std::unique_ptr<EVP_MD_CTX, r::md_ctx_free> md(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by md
    std::size_t len = 0;
    if (!md || EVP_DigestSignInit(md.get(), &pctx, EVP_sha256(), nullptr, key_.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1 ||
        EVP_DigestSign(md.get(), nullptr, &len, reinterpret_cast<unsigned char const*>(data.data()),
                       data.size()) != 1) {
        ec = error::invalid_key;
        return {};
    }
    std::string sig(len, '\0');
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<unsigned char const*>(data.data()), data.size()) != 1) {
        ec = error::invalid_key;
        return {};
    }
    sig.resize(len);
    return sig;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::rsa_key::verify_sha256(std::string_view data,
                                                                  std::string_view signature) const noexcept {
    namespace r = detail::rsa;
    if (!key_)
        return false;
    r::error_queue_scope errors;
    std::unique_ptr<EVP_MD_CTX, r::md_ctx_free> md(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by md
    return md && EVP_DigestVerifyInit(md.get(), &pctx, EVP_sha256(), nullptr, key_.get()) == 1 &&
           EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1 &&
           EVP_DigestVerify(md.get(), reinterpret_cast<unsigned char const*>(signature.data()),
                            signature.size(), reinterpret_cast<unsigned char const*>(data.data()),
                            data.size()) == 1;
}

#endif
