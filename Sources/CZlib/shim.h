// zlib (Debian: zlib1g-dev), for DataImport's inflater. See Sources/DataImport/Inflater.swift.
#include <zlib.h>
