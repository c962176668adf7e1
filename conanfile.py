import os
import re

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout
from conan.tools.scm import Version

required_conan_version = ">=2.0"


class SuperofficeErpsyncConan(ConanFile):
    """superoffice-erpsync: the header-only client (components erpsync and, with with_soap, erpsync_soap).

    The sandbox library (superoffice::erpsync_sandbox) is not packaged here: it is a test tool, built
    from the sources with CMake (or the vcpkg port). Check with test_package/:
        conan create . -pr:a <profile> --build=missing
    """

    name = "superoffice-erpsync"
    description = "Header-only C++20 client for the SuperOffice WebAPI ErpSync agent"
    license = "BSL-1.0"
    topics = ("superoffice", "crm", "erp", "sync", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_soap": [True, False]}
    default_options = {"with_soap": True}
    exports_sources = "include/*", "CMakeLists.txt", "cmake/*", "LICENSE"
    no_copy_source = True

    # The oldest compilers CI builds with (C++20 coroutines as the library uses them).
    _minimum_compilers = {"gcc": "12", "clang": "14"}

    def set_version(self):
        # The one place the version is written (CMake reads it too).
        header = load(self, os.path.join(self.recipe_folder, "include", "superoffice", "erpsync", "version.hpp"))
        numbers = [re.search(rf"^#define SO_ERPSYNC_VERSION_{part} +([0-9]+)", header, re.M)
                   for part in ("MAJOR", "MINOR", "PATCH")]
        if not all(numbers):
            raise ConanInvalidConfiguration("version.hpp: SO_ERPSYNC_VERSION_MAJOR/MINOR/PATCH not found")
        self.version = ".".join(n.group(1) for n in numbers)

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        # Header-only: the dependencies' headers and libraries must reach the consumers. Boost: the
        # headers (Asio, Beast, Describe, MP11, ...) and the compiled JSON and URL libraries. The
        # range is bounded to what has been built and tested (CI: 1.81); widen it after testing.
        self.requires("boost/[>=1.81.0 <1.87]", transitive_headers=True, transitive_libs=True)
        self.requires("openssl/[>=3.0 <4]", transitive_headers=True, transitive_libs=True)
        if self.options.with_soap:
            # the SOAP encoding (soap.hpp, component erpsync_soap)
            self.requires("pugixml/[>=1.11 <2]", transitive_headers=True, transitive_libs=True)

    def package_id(self):
        # The package is the headers, whatever the settings and options (with_soap only decides
        # the requirement on pugixml and the component erpsync_soap).
        self.info.clear()

    def validate(self):
        if self.settings.get_safe("compiler.cppstd"):
            check_min_cppstd(self, 20)
        compiler = str(self.settings.get_safe("compiler"))
        minimum = self._minimum_compilers.get(compiler)
        compiler_version = self.settings.get_safe("compiler.version")
        if minimum and compiler_version and Version(compiler_version) < minimum:
            raise ConanInvalidConfiguration(
                f"{self.ref} needs {compiler} {minimum} or newer (C++20 coroutines), not {compiler_version}")
        if "boost" not in self.dependencies:
            return  # Boost from the system ([platform_requires]): no recipe, no options to check
        boost = self.dependencies["boost"].options
        if boost.get_safe("header_only"):
            raise ConanInvalidConfiguration(
                f"{self.ref} links Boost.JSON and Boost.URL, compiled libraries: boost/*:header_only=False")
        for library in ("json", "url"):
            if boost.get_safe(f"without_{library}"):
                raise ConanInvalidConfiguration(
                    f"{self.ref} needs Boost.{library.upper()}: boost/*:without_{library}=False")

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        copy(self, "*", src=os.path.join(self.source_folder, "include"),
             dst=os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The names of the CMake package: find_package(superoffice_erpsync), superoffice::erpsync
        # and superoffice::erpsync_soap.
        self.cpp_info.set_property("cmake_file_name", "superoffice_erpsync")
        self.cpp_info.set_property("cmake_target_name", "superoffice::superoffice_erpsync")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        core = self.cpp_info.components["erpsync"]
        core.set_property("cmake_target_name", "superoffice::erpsync")
        self._require(core, "boost", ["headers", "json", "url"], ["boost_json", "boost_url"])
        self._require(core, "openssl", ["ssl", "crypto"], ["ssl", "crypto"])
        core.bindirs = []
        core.libdirs = []
        if self.settings.os in ("Linux", "FreeBSD"):
            core.system_libs.append("pthread")
        if self.options.with_soap:
            soap = self.cpp_info.components["erpsync_soap"]
            soap.set_property("cmake_target_name", "superoffice::erpsync_soap")
            soap.requires = ["erpsync"]
            self._require(soap, "pugixml", ["pugixml"], ["pugixml"])
            soap.bindirs = []
            soap.libdirs = []

    def _require(self, component, package, components, system_libs):
        """Makes `component` require `components` of `package`, or, when `package` comes from the
        system ([platform_requires]: no recipe, not in self.dependencies, and a component requirement
        on it fails CMakeDeps, conan-io/docs#3908), link its libraries from the system by name."""
        if package in self.dependencies:
            component.requires.extend(f"{package}::{c}" for c in components)
        else:
            component.system_libs.extend(system_libs)
