import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


class SuperofficeErpsyncConan(ConanFile):
    name = "superoffice-erpsync"
    version = "0.1.0"
    description = "Header-only C++20 library to synchronise SuperOffice CRM with ERP systems"
    license = "BSL-1.0"
    topics = ("superoffice", "crm", "erp", "sync", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "include/*", "CMakeLists.txt", "cmake/*", "LICENSE"
    no_copy_source = True

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        # Header-only: the dependencies' headers and libraries (Boost.JSON,
        # Boost.URL, OpenSSL) must be visible to and linked by consumers.
        self.requires("boost/[>=1.81]", transitive_headers=True, transitive_libs=True)
        self.requires("openssl/[>=3]", transitive_headers=True, transitive_libs=True)
        # SOAP encoding (soap.hpp, target superoffice::erpsync_soap)
        self.requires("pugixml/[>=1.11]", transitive_headers=True, transitive_libs=True)

    def package_id(self):
        self.info.clear()

    def validate(self):
        if self.settings.get_safe("compiler.cppstd"):
            check_min_cppstd(self, 20)

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        copy(self, "*", src=os.path.join(self.source_folder, "include"),
             dst=os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "superoffice_erpsync")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        # superoffice::erpsync (REST) and superoffice::erpsync_soap (adds pugixml), as in CMake
        core = self.cpp_info.components["erpsync"]
        core.set_property("cmake_target_name", "superoffice::erpsync")
        core.requires = ["boost::boost", "openssl::openssl"]
        core.bindirs = []
        core.libdirs = []
        if self.settings.os in ("Linux", "FreeBSD"):
            core.system_libs = ["pthread"]
        soap = self.cpp_info.components["erpsync_soap"]
        soap.set_property("cmake_target_name", "superoffice::erpsync_soap")
        soap.requires = ["erpsync", "pugixml::pugixml"]
        soap.bindirs = []
        soap.libdirs = []
