#!/bin/sh
# web/deps.sh - build one of pulje's dependencies into WebAssembly static libraries.
#
#   sh web/deps.sh WEB_DIR LIBRARY
#
# WEB_DIR/src/PACKAGE is the unpacked Debian source (web/apt-source.sh); the
# library and its headers go to WEB_DIR/deps/lib and WEB_DIR/deps/include, and
# WEB_DIR/deps/stamp-LIBRARY marks it done. Built with Debian's emcc, -O2, as the
# Debian package builds it where that matters for pulje's output (zlib's deflate
# for the workbook's bytes; libxlsxwriter with the system minizip, the bundled md5
# in place of OpenSSL's, which gives the same sums).
set -eu
web=$(cd "$1" && pwd); lib=$2
src=$web/src; deps=$web/deps; obj=$web/obj/$lib
mkdir -p "$deps/lib" "$deps/include" "$obj"
export NODE_PATH=/usr/share/nodejs
CF="-O2"
jobs=${WEB_JOBS:-2}

# compile the given .c files with emcc into deps/lib/libNAME.a
ar_c() {
    name=$1; shift; flags=$1; shift
    objs=""
    for c in "$@"; do
        o=$obj/$(echo "$c" | sed 's|/|_|g; s|\.c$|.o|')
        # shellcheck disable=SC2086
        emcc $CF $flags -c -o "$o" "$c"
        objs="$objs $o"
    done
    rm -f "$deps/lib/lib$name.a"
    # shellcheck disable=SC2086
    emar rcs "$deps/lib/lib$name.a" $objs
}

case $lib in
glpk)
    cd "$src/glpk"
    [ -f Makefile ] || emconfigure ./configure --host=i686-pc-linux-gnu --disable-shared --disable-dl \
        --prefix="$deps" CFLAGS="$CF" >"$obj/configure.log" 2>&1
    emmake make -j"$jobs" >"$obj/make.log" 2>&1 || { tail -n 30 "$obj/make.log"; exit 1; }
    cp src/.libs/libglpk.a "$deps/lib/"
    cp src/glpk.h "$deps/include/"
    ;;
zlib)
    cd "$src/zlib"
    ar_c z "-DHAVE_UNISTD_H -DHAVE_STDARG_H -D_LARGEFILE64_SOURCE=1" \
        adler32.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c zutil.c \
        compress.c uncompr.c gzclose.c gzlib.c gzread.c gzwrite.c
    cp zlib.h zconf.h "$deps/include/"
    ;;
minizip)
    cd "$src/minizip"
    ar_c minizip "-I$deps/include -DHAVE_UNISTD_H -D_LARGEFILE64_SOURCE=1" ioapi.c zip.c unzip.c mztools.c
    mkdir -p "$deps/include/minizip"
    cp ioapi.h zip.h unzip.h mztools.h crypt.h "$deps/include/minizip/"
    ;;
libxlsxwriter)
    cd "$src/libxlsxwriter"
    # USE_SYSTEM_MINIZIP as Debian builds it; the bundled md5 (same sums as OpenSSL's MD5)
    ar_c xlsxwriter "-Iinclude -I$deps/include -I$deps/include/minizip -DUSE_SYSTEM_MINIZIP -D_LARGEFILE64_SOURCE=1" \
        src/*.c third_party/md5/md5.c third_party/tmpfileplus/tmpfileplus.c
    cp -r include/xlsxwriter include/xlsxwriter.h "$deps/include/"
    ;;
libcsv)
    cd "$src/libcsv"
    ar_c csv "" libcsv.c
    cp csv.h "$deps/include/"
    ;;
libinih)
    cd "$src/libinih"
    ar_c inih "" ini.c
    cp ini.h "$deps/include/"
    ;;
expat)
    # expat's cmake checks misdetect under emcc: its own three files, with the config cmake
    # would write (XML_DTD, XML_NS, context bytes 1024, entropy from /dev/urandom)
    cd "$src/expat/expat/lib"
    cat > "$obj/expat_config.h" <<'CFG'
#define BYTEORDER 1234
#define HAVE_MEMMOVE 1
#define HAVE_UNISTD_H 1
#define XML_CONTEXT_BYTES 1024
#define XML_DEV_URANDOM 1
#define XML_DTD 1
#define XML_GE 1
#define XML_NS 1
CFG
    ar_c expat "-I$obj -DXML_STATIC" xmlparse.c xmlrole.c xmltok.c
    cp expat.h expat_external.h "$deps/include/"
    ;;
libzip)
    mkdir -p "$obj/b"
    (cd "$obj/b" && emcmake cmake "$src/libzip" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS="$CF" \
        -DBUILD_SHARED_LIBS=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
        -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF \
        -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF \
        -DBUILD_DOC=OFF -DZLIB_LIBRARY="$deps/lib/libz.a" -DZLIB_INCLUDE_DIR="$deps/include" \
        -DCMAKE_INSTALL_PREFIX="$deps" >"$obj/cmake.log" 2>&1 &&
     # cmake's try_run sizes come out wrong under emcc: wasm32's off_t is 8 bytes, size_t 4
     sed -i 's/^#define SIZEOF_OFF_T .*/#define SIZEOF_OFF_T 8/; s/^#define SIZEOF_SIZE_T .*/#define SIZEOF_SIZE_T 4/' config.h &&
     emmake make -j"$jobs" zip >"$obj/make.log" 2>&1) || { tail -n 30 "$obj/cmake.log" "$obj/make.log"; exit 1; }
    cp "$obj/b/lib/libzip.a" "$deps/lib/"
    cp "$src/libzip/lib/zip.h" "$obj/b/zipconf.h" "$deps/include/"
    ;;
nettle)
    # pulje uses only sha256: its C files (no assembler, no configure), with nettle's headers
    cd "$src/nettle"
    ar_c nettle "-I." sha256.c sha256-compress.c write-be32.c
    mkdir -p "$deps/include/nettle"
    cp ./*.h "$deps/include/nettle/"
    ;;
*)
    echo "web/deps.sh: unknown library $lib" >&2; exit 1
    ;;
esac
touch "$deps/stamp-$lib"
