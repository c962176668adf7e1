// Throwaway in-memory PKI for TLS tests (OpenSSL 3 C API).
//
// make_test_pki() creates a self-signed EC P-256 CA and a leaf (server)
// certificate signed by it, with the given DNS names / IP addresses in
// subjectAltName. write_temp_file() drops a string into a fresh temp dir
// (POSIX: uses mkdtemp).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h> // mkdtemp (POSIX)

namespace superoffice::erpsync::test {

struct test_pki {
    std::string ca_cert_pem;     // CA certificate (PEM)
    std::string server_cert_pem; // leaf certificate (PEM), signed by the CA
    std::string server_key_pem;  // leaf private key (PEM, unencrypted PKCS#8)
};

namespace tls_certs_detail {

template <auto Fn>
struct deleter {
    template <class T>
    void operator()(T* p) const noexcept {
        Fn(p);
    }
};
template <class T, auto Fn>
using ptr = std::unique_ptr<T, deleter<Fn>>;

using pkey_ptr = ptr<EVP_PKEY, EVP_PKEY_free>;
using x509_ptr = ptr<X509, X509_free>;
using bio_ptr = ptr<BIO, BIO_free>;
using bn_ptr = ptr<BIGNUM, BN_free>;
using ext_ptr = ptr<X509_EXTENSION, X509_EXTENSION_free>;
using gen_ptr = ptr<GENERAL_NAME, GENERAL_NAME_free>;
using gens_ptr = ptr<GENERAL_NAMES, GENERAL_NAMES_free>;
using ia5_ptr = ptr<ASN1_IA5STRING, ASN1_IA5STRING_free>;

// Throws std::runtime_error with `what` plus the drained OpenSSL error queue.
[[noreturn]] inline void fail(std::string what) {
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        what += ": ";
        what += buf;
    }
    throw std::runtime_error(what);
}

inline void check(bool ok, char const* what) {
    if (!ok)
        fail(what);
}

inline pkey_ptr make_ec_key() {
    pkey_ptr key{EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")};
    check(key != nullptr, "EVP_PKEY_Q_keygen(EC, P-256)");
    return key;
}

inline void add_ext(X509* cert, X509* issuer, int nid, char const* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ext_ptr ext{X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value)};
    check(ext != nullptr, "X509V3_EXT_nconf_nid");
    check(X509_add_ext(cert, ext.get(), -1) == 1, "X509_add_ext");
}

// Creates an unsigned v3 certificate for `key` with subject CN=`cn`, issuer
// name taken from `issuer` (or self when null), random serial, now-1h..now+1d.
inline x509_ptr make_cert(EVP_PKEY* key, std::string const& cn, X509* issuer) {
    x509_ptr cert{X509_new()};
    check(cert != nullptr, "X509_new");
    check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "X509_set_version");

    bn_ptr serial{BN_new()};
    check(serial && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1, "BN_rand");
    check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr,
          "BN_to_ASN1_INTEGER");

    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60L * 60) != nullptr &&
              X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24L * 60 * 60) != nullptr,
          "X509_gmtime_adj");

    X509_NAME* name = X509_get_subject_name(cert.get());
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<unsigned char const*>(cn.c_str()), -1, -1, 0) == 1,
          "X509_NAME_add_entry_by_txt");
    check(X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name) == 1,
          "X509_set_issuer_name");
    check(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");
    return cert;
}

inline void add_san(X509* cert, std::vector<std::string> const& dns_names,
                    std::vector<std::string> const& ip_addresses) {
    if (dns_names.empty() && ip_addresses.empty())
        return;
    gens_ptr gens{sk_GENERAL_NAME_new_null()};
    check(gens != nullptr, "sk_GENERAL_NAME_new_null");
    auto push = [&](gen_ptr gen) {
        check(sk_GENERAL_NAME_push(gens.get(), gen.get()) > 0, "sk_GENERAL_NAME_push");
        (void)gen.release(); // now owned by gens
    };
    for (auto const& dns : dns_names) {
        ia5_ptr str{ASN1_IA5STRING_new()};
        check(str && ASN1_STRING_set(str.get(), dns.data(), static_cast<int>(dns.size())) == 1,
              "ASN1_STRING_set");
        gen_ptr gen{GENERAL_NAME_new()};
        check(gen != nullptr, "GENERAL_NAME_new");
        GENERAL_NAME_set0_value(gen.get(), GEN_DNS, str.release());
        push(std::move(gen));
    }
    for (auto const& ip : ip_addresses) {
        ASN1_OCTET_STRING* octets = a2i_IPADDRESS(ip.c_str()); // IPv4 or IPv6
        if (!octets)
            fail("invalid IP address for subjectAltName: " + ip);
        gen_ptr gen{GENERAL_NAME_new()};
        if (!gen) {
            ASN1_OCTET_STRING_free(octets);
            fail("GENERAL_NAME_new");
        }
        GENERAL_NAME_set0_value(gen.get(), GEN_IPADD, octets);
        push(std::move(gen));
    }
    check(X509_add1_ext_i2d(cert, NID_subject_alt_name, gens.get(), 0, X509V3_ADD_DEFAULT) == 1,
          "X509_add1_ext_i2d(subjectAltName)");
}

inline std::string bio_to_string(BIO* bio) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

inline std::string cert_pem(X509* cert) {
    bio_ptr bio{BIO_new(BIO_s_mem())};
    check(bio && PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
    return bio_to_string(bio.get());
}

inline std::string key_pem(EVP_PKEY* key) {
    bio_ptr bio{BIO_new(BIO_s_mem())};
    check(bio && PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "PEM_write_bio_PKCS8PrivateKey");
    return bio_to_string(bio.get());
}

} // namespace tls_certs_detail

// Throws std::runtime_error with the OpenSSL error string on failure.
inline test_pki make_test_pki(std::vector<std::string> const& dns_names,
                              std::vector<std::string> const& ip_addresses,
                              std::string const& common_name = "localhost") {
    namespace d = tls_certs_detail;
    ERR_clear_error();

    auto ca_key = d::make_ec_key();
    auto ca = d::make_cert(ca_key.get(), "superoffice-erpsync test CA", nullptr);
    d::add_ext(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
    d::add_ext(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    d::add_ext(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    d::check(X509_sign(ca.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign(CA)");

    auto leaf_key = d::make_ec_key();
    auto leaf = d::make_cert(leaf_key.get(), common_name, ca.get());
    d::add_ext(leaf.get(), ca.get(), NID_basic_constraints, "CA:FALSE");
    d::add_ext(leaf.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
    d::add_ext(leaf.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    d::add_ext(leaf.get(), ca.get(), NID_subject_key_identifier, "hash");
    d::add_ext(leaf.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    d::add_san(leaf.get(), dns_names, ip_addresses);
    d::check(X509_sign(leaf.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign(leaf)");

    return test_pki{d::cert_pem(ca.get()), d::cert_pem(leaf.get()), d::key_pem(leaf_key.get())};
}

// Write a string to a file in a fresh temp dir; returns the path.
inline std::string write_temp_file(std::string const& name, std::string const& contents) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "erpsync-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed for " + tmpl);
    fs::path path = fs::path(tmpl) / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out)
        throw std::runtime_error("failed to write " + path.string());
    return path.string();
}

} // namespace superoffice::erpsync::test
