// The SOAP encoding's out-of-line parts compiled once for every test executable
// (SO_ERPSYNC_SEPARATE_COMPILATION; built only with SO_ERPSYNC_SOAP).
#include <superoffice/erpsync/soap_src.hpp>
