// The one translation unit that compiles the SOAP encoding's out-of-line parts.
#include <superoffice/erpsync/soap_src.hpp>
