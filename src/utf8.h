/* utf8: decoding and validation of UTF-8 text. */
#ifndef KP_UTF8_H
#define KP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from S (N bytes left) into *CP; returns its length in
 * bytes, or 0 when the bytes are not valid UTF-8 (overlong, surrogate, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Byte offset of the first invalid sequence, or (size_t)-1 when all valid. */
size_t utf8_find_invalid(const char *s, size_t n);
/* Encode CP into OUT (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in a valid string. */
size_t utf8_length(const char *s, size_t n);

#endif
